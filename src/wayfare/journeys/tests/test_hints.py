"""Behavioural checks of a journey map (004 2.4.2) read from the map document."""

from wayfare.journeys.hints import journey_map_hints


def _stage(pk, name, as_is=None, **extra):
    stage = {"id": pk, "name": name, "pain_points": "", "consumer_waits": False, "touchpoints": []}
    stage["emotions"] = [] if as_is is None else [{"persona": 1, "as_is": as_is}]
    stage.update(extra)
    return stage


def _codes(stages):
    return [(h["code"], h["stage"]) for h in journey_map_hints({"stages": stages})]


def test_a_good_map_has_no_hint():
    stages = [_stage(1, "Find", 1), _stage(2, "Book", 0), _stage(3, "Ride", 2), _stage(4, "Return", 3)]
    assert _codes(stages) == []
    assert journey_map_hints({"stages": []}) == []


def test_ending_on_a_low_point():
    stages = [_stage(1, "Find", 2), _stage(2, "Ride", 3), _stage(3, "Return", 1)]
    hints = journey_map_hints({"stages": stages})
    assert [(h["code"], h["stage"]) for h in hints] == [("low_end", 3)]
    assert "Return" in hints[0]["message"]


def test_ending_below_zero_is_a_low_point():
    assert ("low_end", 2) in _codes([_stage(1, "Find", -2), _stage(2, "Return", -1)])


def test_a_late_pain_point():
    stages = [
        _stage(1, "Find", pain_points="Ads everywhere"),
        _stage(2, "Ride"),
        _stage(3, "Return", pain_points="No parking"),
    ]
    assert _codes(stages) == [("late_pain", 3)]


def test_a_surprise():
    touchpoints = [{"name": "Deposit charged", "expected": False, "offers_choice": False}]
    hints = journey_map_hints({"stages": [_stage(1, "Book", touchpoints=touchpoints)]})
    assert [h["code"] for h in hints] == ["surprise"]
    assert "Deposit charged" in hints[0]["message"] and "Book" in hints[0]["message"]


def test_waiting_without_a_choice():
    assert _codes([_stage(1, "Wait for the car", consumer_waits=True)]) == [("wait_without_choice", 1)]
    choice = [{"name": "Pick another car", "expected": True, "offers_choice": True}]
    assert _codes([_stage(1, "Wait", consumer_waits=True, touchpoints=choice)]) == []


def test_an_early_bad_moment_is_to_be_fixed_early():
    stages = [_stage(1, "Find", -2), _stage(2, "Book", 1), _stage(3, "Ride", 2), _stage(4, "Return", 3)]
    assert _codes(stages) == [("early_low", 1)]

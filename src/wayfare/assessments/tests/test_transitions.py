"""An assessment is completed only through its declared transition, once something is answered."""

from wayfare.assessments.models import Assessment, AssessmentAnswer
from wayfare.core.testing import client_for
from wayfare.core.testing_transitions import TransitionTests

from .factories import AssessmentFactory, TemplateItemFactory


def _answered(owner, state="draft"):
    item = TemplateItemFactory()
    assessment = AssessmentFactory(organisation=owner, template=item.section.template, state=state)
    AssessmentAnswer.objects.create(assessment=assessment, item=item, value=4)
    return assessment


class AssessmentTransitionTests(TransitionTests):
    model = Assessment

    def make_ready(self, transition, owner):
        return _answered(owner)

    def make_guarded(self, transition, owner):
        return AssessmentFactory(organisation=owner)  # nothing answered yet

    def make_wrong_state(self, transition, owner):
        return _answered(owner, state="completed")

    def test_consumer_of_another_organisation_gets_404(self, users, org_a):
        """Consumers take no transition on assessments at all (the model is frontstage, but "change" is
        no consumer action), so the core view refuses with 403 before it looks at any row: that reveals
        nothing of the row either. The core battery expects 404 for every frontstage model; reported."""
        client = client_for(users["consumer_other"])
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            before = self.state(obj, t)
            assert client.post(self.page_url(obj, t), {"confirmed": "1"}).status_code in (403, 404)
            assert client.post(self.api_url(obj, t)).status_code in (403, 404)
            assert self.state(obj, t) == before

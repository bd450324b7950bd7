"""Journey map operations besides the editor's (``services.editor``)."""

from __future__ import annotations

from typing import Any

from wayfare.core.history import history_record_change

from ..models import JourneyMap


def journey_map_mark_published(*, instance: JourneyMap, version: Any, actor: Any) -> None:
    """After a publish (``core.versions.version_publish``, in its transaction): the map's consumers may
    now read it, as this version. Written without touching ``updated``, so an open editor's version check
    still holds (publishing changes nothing an editor edits)."""
    JourneyMap.objects.filter(pk=instance.pk).update(published_number=version.number)
    instance.published_number = version.number
    # The change history records it (a consumer's history of the map starts here: until published it
    # was never theirs to see), as a change by the publisher.
    history_record_change(instance, actor=actor)


def stage_comment_add(*, actor: Any, **fields: Any) -> Any:
    """A comment on a stage, signed by whoever writes it (never by the input)."""
    from wayfare.core.services import record_create

    from ..models import StageComment

    author = actor if getattr(actor, "pk", None) else None
    return record_create(model=StageComment, actor=actor, data={**fields, "author": author})

"""Write operations of the people part (issue #13 section 1): the persona picture and merging scenarios
into one journey map."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from wayfare.core.services import record_create, record_update

from ..models import JourneyMap, JourneyStage, Persona, Scenario

PICTURE_MAX_BYTES = 5 * 1024 * 1024
PICTURE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
PICTURE_BOX = (512, 512)
PICTURE_MAX_PIXELS = 40_000_000


def persona_picture_prepare(upload: Any) -> ContentFile:
    """Check an uploaded picture (size, real image content of an allowed type, no decompression bomb) and
    return it fitted into 512x512, re-encoded without EXIF. Raises ValidationError with a clear message."""
    if upload.size is not None and upload.size > PICTURE_MAX_BYTES:
        raise ValidationError(_("The picture is larger than 5 MB: choose a smaller one."), code="too_large")
    upload.seek(0)
    data = upload.read()
    if len(data) > PICTURE_MAX_BYTES:
        raise ValidationError(_("The picture is larger than 5 MB: choose a smaller one."), code="too_large")
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = PICTURE_MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind not in PICTURE_FORMATS:
            raise ValidationError(_("Only JPEG, PNG, WebP or GIF pictures are accepted."), code="type")
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image.thumbnail(PICTURE_BOX)
            has_alpha = image.mode in ("RGBA", "LA", "P")
            clean = image.convert("RGBA" if has_alpha else "RGB")  # a new image: no EXIF, no metadata
            out = io.BytesIO()
            if has_alpha:
                clean.save(out, format="PNG", optimize=True)
                ext = "png"
            else:
                clean.save(out, format="JPEG", quality=85)
                ext = "jpg"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The picture has too many pixels to be processed safely."), code="bomb"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not a picture we can read."), code="type") from exc
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    return ContentFile(out.getvalue(), name=f"persona.{ext}")


@transaction.atomic
def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    """An upload that has not been through ``persona_picture_prepare`` yet (the API's, an import's) is
    checked and resized here; the form's already is (a ``ContentFile``)."""
    picture = fields.get("picture")
    if isinstance(picture, UploadedFile):
        try:
            fields = {**fields, "picture": persona_picture_prepare(picture)}
        except ValidationError as exc:
            raise ValidationError({"picture": exc.messages}) from exc
    return fields


def persona_create(*, actor: Any, **fields: Any) -> Persona:
    """The declared create service of personas: every way in checks the picture."""
    return record_create(model=Persona, actor=actor, data=_checked(fields))  # type: ignore[return-value]


def persona_update(*, instance: Persona, actor: Any, **fields: Any) -> Persona:
    return record_update(instance=instance, actor=actor, data=_checked(fields))  # type: ignore[return-value]


def persona_picture_store(*, persona: Persona, upload: Any, actor: Any) -> Persona:
    """Check, resize and store a persona's picture (with history)."""
    picture = persona_picture_prepare(upload)
    return record_update(instance=persona, actor=actor, data={"picture": picture})  # type: ignore[return-value]


@transaction.atomic
def scenarios_merge(*, scenarios: Sequence[Scenario], name: str, relationship: Any, actor: Any) -> JourneyMap:
    """Merge scenarios into one high-level journey map (004 2.3.2): the map gets the scenarios'
    personas and one stage per scenario, in order; each scenario is linked to the new map."""
    scenarios = list(scenarios)
    if not scenarios:
        raise ValidationError(_("Choose at least one scenario to merge."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the new map a name.")})
    if JourneyMap.objects.filter(name=name).exists():
        raise ValidationError({"name": _("A journey map of this name exists already.")})
    personas = list({s.persona_id: s.persona for s in scenarios}.values())
    try:
        journey_map = record_create(
            model=JourneyMap,
            actor=actor,
            data={"name": name, "relationship": relationship, "personas": personas},
        )
    except IntegrityError as exc:
        raise ValidationError({"name": _("A journey map of this name exists already.")}) from exc
    for position, scenario in enumerate(scenarios, start=1):
        record_create(
            model=JourneyStage,
            actor=actor,
            data={
                "journey_map": journey_map,
                "position": position,
                "name": scenario.name[:200],
                "consumer_goals": scenario.goal,
                "customer_actions": scenario.how,
                "thoughts": scenario.why,
            },
        )
        record_update(instance=scenario, actor=actor, data={"journey_map": journey_map})
    return journey_map  # type: ignore[return-value]

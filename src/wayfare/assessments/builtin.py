"""Built-in answer scales and templates, loaded after every migrate (like the role groups): texts of
built-in templates are kept as the application ships them; templates people made are never touched, and a
user template that took a built-in's code keeps it (the built-in is then not loaded)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from wayfare.core.demo_tools import upsert

from .builtin_data import SCALES, TEMPLATES
from .models import AnswerScale, AssessmentTemplate, TemplateItem, TemplateSection

LANGS = ("zh-hans", "ru")


def _texts(**fields: tuple[str, str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    plain = {name: text[0] for name, text in fields.items()}
    translations = {
        code: {name: text[i + 1] for name, text in fields.items() if text[i + 1]}
        for i, code in enumerate(LANGS)
    }
    return plain, translations


@transaction.atomic
def builtin_sync() -> list[AssessmentTemplate]:
    scales = {}
    for scale in SCALES:
        plain, translations = _texts(name=scale["name"])
        options = [
            {"value": value, "label": {"en": label[0], "zh-hans": label[1], "ru": label[2]}}
            for value, label in scale["options"]
        ]
        existing = AnswerScale.objects.filter(code=scale["code"]).first()
        if existing is not None and existing.created_by_id is not None:
            scales[scale["code"]] = existing  # someone's own scale of that code: theirs
            continue
        scales[scale["code"]] = upsert(
            AnswerScale, {"code": scale["code"]}, {**plain, "options": options, "translations": translations}
        )
    loaded = []
    for data in TEMPLATES:
        template_row = AssessmentTemplate.objects.filter(code=data["code"]).first()
        if template_row is not None and not template_row.built_in:
            continue
        note = data.get("note")
        description = data["description"]
        if note:
            description = tuple(d + n for d, n in zip(description, note, strict=True))
        plain, translations = _texts(name=data["name"], description=description)
        template = upsert(
            AssessmentTemplate,
            {"code": data["code"]},
            {
                **plain,
                "translations": translations,
                "relevance": data["relevance"],
                "cumulative_levels": bool(data.get("cumulative")),
                "built_in": True,
            },
        )
        for position, section in enumerate(data["sections"], start=1):
            plain, translations = _texts(title=section["title"])
            row = upsert(
                TemplateSection,
                {"template": template, "code": section["code"]},
                {
                    **plain,
                    "translations": translations,
                    "position": position,
                    "weight": section["weight"],
                    "level": section["level"],
                },
            )
            for item_position, item in enumerate(section["items"], start=1):
                plain, translations = _texts(text=item["text"])
                upsert(
                    TemplateItem,
                    {"section": row, "code": item["code"]},
                    {
                        **plain,
                        "translations": translations,
                        "position": item_position,
                        "weight": item["weight"],
                        "scale": scales[item["scale"]],
                        "reference": item["reference"],
                    },
                )
        loaded.append(template)
    return loaded


def sync_after_migrate(sender: Any, **kwargs: Any) -> None:
    if getattr(sender, "label", None) != "assessments":
        return
    builtin_sync()

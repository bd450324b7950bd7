"""Writes of products: a product may use other products, never itself (directly or through others)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wayfare.core.services import record_create, record_update

from ..models import Product


def _check_uses(product: Product, used: Any) -> None:
    if used is None or product.pk is None:
        return
    used = list(used)
    if any(getattr(p, "pk", p) == product.pk for p in used) or product.uses_itself(used):
        raise ValidationError(
            {"uses_products": _("A product cannot use itself, directly or through other products.")}
        )


def product_create(*, actor: Any, **fields: Any) -> Product:
    return record_create(model=Product, actor=actor, data=fields)  # type: ignore[return-value]


def product_update(*, instance: Product, actor: Any, **fields: Any) -> Product:
    _check_uses(instance, fields.get("uses_products"))
    return record_update(instance=instance, actor=actor, data=fields)  # type: ignore[return-value]

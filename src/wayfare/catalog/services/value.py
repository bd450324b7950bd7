"""Writes of value-driver trees: a driver added on the tree's page (``value_node_add``). The layer rules
are the model's (``ValueDriverNode.clean``): a refused driver raises ``ValidationError`` and saves
nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission, restrict
from wayfare.core.exceptions import AccessError
from wayfare.core.services import record_create

from ..models import ValueDriverNode, ValueDriverTree


@transaction.atomic
def value_node_add(
    *,
    tree: ValueDriverTree,
    actor: Any,
    layer: str,
    text: str,
    parent: ValueDriverNode | None = None,
    offering: Any = None,
    product: Any = None,
    translations: dict[str, Any] | None = None,
) -> ValueDriverNode:
    """Add a driver to ``tree``, last among its siblings."""
    if not has_permission(actor, ValueDriverNode, "add") or not (
        restrict(ValueDriverTree.objects.filter(pk=tree.pk), actor, "view").exists()
    ):
        raise AccessError(_("You may not add drivers to this tree."))
    data: dict[str, Any] = {
        "tree": tree,
        "parent": parent,
        "layer": layer,
        "text": text,
        "offering": offering,
        "product": product,
        "position": ValueDriverNode.next_position(tree.pk, parent.pk if parent is not None else None),
    }
    if translations:
        data["translations"] = translations
    return record_create(model=ValueDriverNode, actor=actor, data=data)  # type: ignore[return-value]

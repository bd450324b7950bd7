"""Value-driver trees (000 Figure 1.11; 003 4.3.4.1): how a consumer's need is met, from the consumer's
purpose and objectives, through the consumer performance they expect (outcomes and experience) and the
service performance that delivers it (utility and warranty), down to the products and resources, linked
to the offerings that provide them. A tree is built top-down (value-based: start from the consumer's
purpose) or bottom-up (solution-based: start from the products and services).

The rules of a node (``ValueDriverNode.clean``):

- a child lies below its parent: purpose, then consumer objectives, then consumer performance (outcomes
  and experience, one level), then service performance (utility and warranty, one level), then products
  and resources; a layer may be skipped, never climbed or repeated;
- the parent is a node of the same tree, and no node is its own ancestor;
- in a top-down tree only the purpose stands without a parent (every other node hangs below one already
  there); in a bottom-up tree any node may stand alone until what it serves is added above it;
- an offering may be linked on service performance (utility, warranty) and on products and resources:
  what the provider offers, never the consumer's own purpose, objectives or performance; a product only
  on products and resources.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "LAYER_LEVELS",
    "OFFERING_LAYERS",
    "PRODUCT_LAYERS",
    "TreeApproach",
    "ValueDriverNode",
    "ValueDriverTree",
    "ValueLayer",
]


class TreeApproach(models.TextChoices):
    TOP_DOWN = "top_down", _("Top-down (value-based)")
    BOTTOM_UP = "bottom_up", _("Bottom-up (solution-based)")


class ValueDriverTree(TranslatedTextMixin, WayfareModel):
    """The value drivers of one need: the consumer's people read their organisation's trees."""

    owner_path = "need__organisation"
    frontstage = True

    name = models.CharField(_("name"), max_length=200)
    need = models.ForeignKey(
        "catalog.Need", verbose_name=_("need"), on_delete=models.PROTECT, related_name="value_trees"
    )
    approach = models.CharField(
        _("approach"),
        max_length=10,
        choices=TreeApproach.choices,
        default=TreeApproach.TOP_DOWN,
        help_text=_(
            "Top-down: start from the consumer's purpose. Bottom-up: start from the products and services."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["need", "name"]
        verbose_name = _("value-driver tree")
        verbose_name_plural = _("value-driver trees")

    def __str__(self) -> str:
        return str(self.translated("name"))


class ValueLayer(models.TextChoices):
    PURPOSE = "purpose", _("purpose")
    OBJECTIVE = "objective", _("consumer objective")
    OUTCOME = "outcome", _("consumer performance: outcome")
    EXPERIENCE = "experience", _("consumer performance: experience")
    UTILITY = "utility", _("service performance: utility")
    WARRANTY = "warranty", _("service performance: warranty")
    RESOURCE = "resource", _("products and resources")


# How deep each layer lies: outcomes and experience are one level, utility and warranty another.
LAYER_LEVELS: dict[str, int] = {
    ValueLayer.PURPOSE: 0,
    ValueLayer.OBJECTIVE: 1,
    ValueLayer.OUTCOME: 2,
    ValueLayer.EXPERIENCE: 2,
    ValueLayer.UTILITY: 3,
    ValueLayer.WARRANTY: 3,
    ValueLayer.RESOURCE: 4,
}
# Where an offering or a product may be linked: what the provider offers, not what the consumer wants.
OFFERING_LAYERS = (ValueLayer.UTILITY, ValueLayer.WARRANTY, ValueLayer.RESOURCE)
PRODUCT_LAYERS = (ValueLayer.RESOURCE,)


class ValueDriverNode(TranslatedTextMixin, WayfareModel):
    """One value driver of a tree. A linked offering that a consumer may not open (a draft, or another
    organisation's) shows to consumers as "not shown" (``core.related``), never by name."""

    owner_path = "tree__need__organisation"
    frontstage = True

    tree = models.ForeignKey(
        ValueDriverTree, verbose_name=_("tree"), on_delete=models.CASCADE, related_name="nodes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The driver above this one; empty for the top of a branch."),
    )
    layer = models.CharField(_("layer"), max_length=12, choices=ValueLayer.choices)
    text = models.TextField(_("text"))
    offering = models.ForeignKey(
        "catalog.ServiceOffering",
        verbose_name=_("offering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="value_nodes",
        help_text=_("Only on service performance and on products and resources."),
    )
    product = models.ForeignKey(
        "catalog.Product",
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="value_nodes",
        help_text=_("Only on products and resources."),
    )
    position = models.PositiveIntegerField(
        _("position"),
        default=0,
        blank=True,
        help_text=_("Order among the drivers under the same parent; empty: after the last one."),
    )

    class Meta:
        ordering = ["tree", "position", "pk"]
        verbose_name = _("value driver")
        verbose_name_plural = _("value drivers")

    def __str__(self) -> str:
        return str(self.translated("text"))[:80]

    @property
    def level(self) -> int:
        return LAYER_LEVELS.get(self.layer, -1)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        parent = self.parent if self.parent_id else None
        if parent is not None:
            if self.tree_id and parent.tree_id != self.tree_id:
                errors["parent"] = _("The parent must be a driver of the same tree.")
            elif self._makes_cycle(parent):
                errors["parent"] = _("A driver cannot lie below itself, directly or through others.")
            elif self.layer in LAYER_LEVELS and parent.level >= self.level:
                errors["layer"] = _(
                    "A %(layer)s cannot lie below a %(parent)s: choose a layer further down."
                ) % {"layer": self.get_layer_display(), "parent": parent.get_layer_display()}
        elif (
            self.tree_id
            and self.layer
            and self.layer != ValueLayer.PURPOSE
            and self.tree.approach == TreeApproach.TOP_DOWN
        ):
            errors["parent"] = _(
                "This tree is built top-down: every driver but the purpose hangs below another one."
            )
        if self.pk and self.layer in LAYER_LEVELS and "layer" not in errors:
            children = ValueDriverNode.objects.filter(parent_id=self.pk)
            if any(LAYER_LEVELS.get(child.layer, 99) <= self.level for child in children):
                errors["layer"] = _("The drivers below this one must lie further down than this layer.")
            if self.tree_id and children.exclude(tree_id=self.tree_id).exists():
                errors["tree"] = _("Move the drivers below this one first: they belong to its tree.")
        if self.offering_id and self.layer not in OFFERING_LAYERS:
            errors["offering"] = _(
                "Link an offering only to service performance (utility, warranty) or to products and resources."
            )
        if self.product_id and self.layer not in PRODUCT_LAYERS:
            errors["product"] = _("Link a product only to products and resources.")
        if errors:
            raise ValidationError(errors)
        if self.position is None and self.tree_id:
            self.position = self.next_position(self.tree_id, self.parent_id)

    @classmethod
    def next_position(cls, tree_id: int, parent_id: int | None) -> int:
        """After the last of the drivers under ``parent_id`` (the top of the tree: ``None``)."""
        last = cls.objects.filter(tree_id=tree_id, parent_id=parent_id).aggregate(last=models.Max("position"))
        return 0 if last["last"] is None else last["last"] + 1

    def _makes_cycle(self, parent: ValueDriverNode) -> bool:
        if self.pk is None:
            return False
        seen: set[int] = set()
        node: ValueDriverNode | None = parent
        while node is not None:
            if node.pk == self.pk:
                return True
            if node.pk in seen:  # a loop already stored: refuse to add to it
                return True
            seen.add(node.pk)
            node = ValueDriverNode.objects.filter(pk=node.parent_id).first() if node.parent_id else None
        return False

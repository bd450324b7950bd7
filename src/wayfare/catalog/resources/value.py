"""Declarations of value-driver trees and their drivers (issue #14 section 3). The tree's page draws the
tree (``catalog/value_tree.html``, ``static/catalog/value_tree.js``), lists the same drivers by layer and
has a form to add one (``views.value``, ``services.value.value_node_add``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission, restrict
from wayfare.core.related import Seen
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..models import (
    OFFERING_LAYERS,
    ServiceOffering,
    TreeApproach,
    ValueDriverNode,
    ValueDriverTree,
    ValueLayer,
)
from .common import NEED_WRITERS

# Who writes trees: the service managers and the relationship managers who hear the need.
VALUE_WRITERS = NEED_WRITERS

# One colour per layer, for the chart and its key (the two consumer-performance and the two
# service-performance layers share a hue, told apart by shade).
LAYER_COLOURS: dict[str, str] = {
    ValueLayer.PURPOSE: "#6a1b9a",
    ValueLayer.OBJECTIVE: "#1e6fd9",
    ValueLayer.OUTCOME: "#00838f",
    ValueLayer.EXPERIENCE: "#4db6ac",
    ValueLayer.UTILITY: "#e07b00",
    ValueLayer.WARRANTY: "#f4b400",
    ValueLayer.RESOURCE: "#546e7a",
}

APPROACH_HINTS = {
    TreeApproach.TOP_DOWN: _("Start from the consumer's purpose."),
    TreeApproach.BOTTOM_UP: _("Start from the products and services."),
}


class ValueNodeAddForm(forms.Form):
    """A driver added on the tree's page: its parent among the tree's drivers, and an offering the
    reader may see."""

    parent = forms.ModelChoiceField(
        label=_("Under"), queryset=ValueDriverNode.objects.none(), required=False, empty_label=_("(top)")
    )
    layer = forms.ChoiceField(label=_("Layer"), choices=ValueLayer.choices)
    text = forms.CharField(label=_("Value driver"), widget=forms.Textarea(attrs={"rows": 2}))
    offering = forms.ModelChoiceField(
        label=_("Offering"),
        queryset=ServiceOffering.objects.none(),
        required=False,
        help_text=_("Only on service performance and on products and resources."),
    )

    def __init__(self, *args: Any, tree: ValueDriverTree, user: Any, **kwargs: Any) -> None:
        kwargs["prefix"] = "node"
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = restrict(tree.nodes.order_by("position", "pk"), user)  # type: ignore[attr-defined]
        self.fields["parent"].label_from_instance = _node_choice  # type: ignore[attr-defined]
        self.fields["offering"].queryset = ServiceOffering.objects.restrict(user).order_by("name")  # type: ignore[attr-defined]


def _node_choice(node: ValueDriverNode) -> str:
    return f"{node.get_layer_display()}: {node}"


def _linked(seen: Seen, obj: Any) -> dict[str, Any] | None:
    """A linked offering or product as the reader may see it: its name and page, or nothing at all."""
    if obj is None or not seen.may_view(obj):
        return None
    return {"name": str(obj), "url": seen.link(obj)}


def tree_chart(tree: ValueDriverTree, request: Any) -> dict[str, Any]:
    """The tree as the chart draws it (ECharts ``tree`` series data) and the drivers in layer order."""
    seen = Seen.of(request)
    nodes = list(
        restrict(tree.nodes.select_related("offering", "product").order_by("position", "pk"), request.user)
    )
    seen.prime_fields(nodes, ["offering", "product"])
    labels = dict(ValueLayer.choices)
    by_id = {node.pk: node for node in nodes}
    items: dict[int, dict[str, Any]] = {}
    for node in nodes:
        items[node.pk] = {
            "id": node.pk,
            "name": str(node.translated("text")),
            "layer": node.layer,
            "layerLabel": str(labels.get(node.layer, node.layer)),
            "offering": _linked(seen, node.offering),
            "product": _linked(seen, node.product),
            "children": [],
        }
    roots = []
    for node in nodes:
        if node.parent_id in items:
            items[node.parent_id]["children"].append(items[node.pk])
        else:
            roots.append(items[node.pk])
    if len(roots) == 1:
        root = roots[0]
    else:  # several branches (a bottom-up tree being built): drawn under the need they serve
        root = {
            "id": None,
            "name": str(tree.need),
            "layer": "need",
            "layerLabel": str(_("need")),
            "offering": None,
            "product": None,
            "children": roots,
        }
    order = list(ValueLayer.values)
    rows = []
    for node in sorted(
        nodes, key=lambda n: (order.index(n.layer) if n.layer in order else 99, n.position, n.pk)
    ):
        parent = by_id.get(node.parent_id) if node.parent_id else None
        rows.append({**items[node.pk], "parent": str(parent) if parent is not None else None})
    layers = [
        {"key": key, "label": str(label), "colour": LAYER_COLOURS[key]} for key, label in ValueLayer.choices
    ]
    return {
        "config": {
            "fileName": str(tree),
            "root": root,
            "layers": layers,
            "needColour": "#37474f",
            "count": len(nodes),
        },
        "rows": rows,
        "layers": layers,
    }


def value_tree_context(request: Any, tree: ValueDriverTree) -> dict[str, Any]:
    chart = tree_chart(tree, request)
    can_add_node = has_permission(request.user, ValueDriverNode, "add")
    form = getattr(request, "_value_node_form", None)
    if form is None and can_add_node:
        form = ValueNodeAddForm(tree=tree, user=request.user)
    return {
        "tree_config": chart["config"],
        "tree_rows": chart["rows"],
        "tree_layers": chart["layers"],
        "tree_description": tree.translated("description"),
        "approach_hint": APPROACH_HINTS.get(tree.approach),  # type: ignore[call-overload]
        "node_form": form if can_add_node else None,
        "offering_layers": [str(layer) for layer in OFFERING_LAYERS],
    }


register(
    Resource(
        ValueDriverTree,
        columns=["name", "need", "approach"],
        filters=["need", "approach"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        select_related=["need"],
        fields=["name", "need", "approach", "description"],
        related=[Related(ValueDriverNode, "tree")],
        detail_template="catalog/value_tree.html",
        detail_context=value_tree_context,
        access=Access(write=VALUE_WRITERS, consumer=("view",)),
        step="offer",
        slug="value-trees",
    )
)
register(
    Resource(
        ValueDriverNode,
        columns=["text", "tree", "layer", "parent", "offering", "position"],
        filters=["tree", "layer", "parent", "offering", "product"],
        search=["text"],
        translated_fields=["text"],
        select_related=["tree", "parent", "offering", "product"],
        fields=["tree", "parent", "layer", "text", "offering", "product", "position"],
        access=Access(write=VALUE_WRITERS, consumer=("view",)),
        step="offer",
        slug="value-drivers",
    )
)

for model in (ValueDriverTree, ValueDriverNode):
    for role in ("Service level manager", "Relationship manager"):
        grant(role, model, "view add change delete")

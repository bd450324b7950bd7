"""``wayfare resources``: every declaration and what core generated from it, so a newcomer finds the code.

For each declared resource: where it is declared, its pages (URL names and paths), API routes,
permissions, filters, search and columns, transitions, versions, the services and overridden pieces, and
which role grants what on it; then the navigation entries and step cards apps declared. Plain text, or
``--json`` for tools. ``--app parties`` shows one app.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.core.management.base import BaseCommand
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.translation import gettext as _

from wayfare.core.navigation import NAV_ENTRIES, STEP_CARDS
from wayfare.core.resources import Resource, registry
from wayfare.core.roles import ROLES, role_codenames


def _dotted(obj: Any) -> str | None:
    if obj is None:
        return None
    return f"{obj.__module__}.{getattr(obj, '__qualname__', obj.__class__.__name__)}"


def _readable(route: str) -> str:
    """A router's regular expression as a path: ``^x/(?P<pk>[^/.]+)/$`` -> ``x/<pk>/``."""
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route)
    return route.replace("^", "").replace("$", "")


def url_routes() -> dict[str, str]:
    """Every named URL pattern, ``namespace:name`` -> ``/path/<int:pk>/``."""
    found: dict[str, str] = {}

    def walk(patterns: list, prefix: str, namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(n for n in (namespace, p.namespace) if n)
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and p.name:
                key = f"{namespace}:{p.name}" if namespace else p.name
                found.setdefault(key, _readable("/" + prefix + str(p.pattern)))

    walk(get_resolver().url_patterns, "", "")
    return found


def describe(resource: Resource, routes: dict[str, str]) -> dict[str, Any]:
    r = resource
    page_prefix = f"{r.app_label}:{r.model_name}_"
    api_prefix = f"api:{r.app_label}-{r.model_name}-"
    model = r.model
    transitions = [
        {
            "name": t.name,
            "label": str(t.label),
            "from": list(t.source),
            "to": t.target,
            "field": t.field,
            "permission": t.permission_for(model),
            "guard": _dotted(t.guard),
            "service": _dotted(t.service),
            "confirm": bool(t.confirm),
        }
        for t in r.transitions
    ]
    permissions = [
        f"{model._meta.app_label}.{a}_{model._meta.model_name}" for a in ("view", "add", "change", "delete")
    ]
    permissions += [f"{model._meta.app_label}.{codename}" for codename, _label in model._meta.permissions]
    return {
        "model": f"{r.app_label}.{model.__name__}",
        "declared_in": f"wayfare.{r.app_label}.resources",
        "verbose_name": str(r.verbose_name),
        "step": r.step,
        "frontstage": bool(getattr(model, "frontstage", False)),
        "owner_path": getattr(model, "owner_path", None),
        "pages": {name: path for name, path in routes.items() if name.startswith(page_prefix)},
        "api": {name: path for name, path in routes.items() if name.startswith(api_prefix)},
        "permissions": permissions,
        "columns": list(r.columns),
        "filters": list(r.filters),
        "search": list(r.search),
        "editable_fields": r.editable_fields,
        "transitions": transitions,
        "versioned": r.versioned,
        "version_children": list(r.version_children),
        "services": {
            "create": _dotted(r.create_service),
            "update": _dotted(r.update_service),
            "delete": _dotted(r.delete_service),
        },
        "overrides": {
            name: _dotted(getattr(r, name))
            for name in ("form", "filterset", "table", "serializer", "viewset_mixin")
            if getattr(r, name) is not None
        },
        "detail_template": r.detail_template,
        "roles": {role.group: role_codenames(role, model) for role in ROLES if role_codenames(role, model)},
    }


def overview(app: str | None = None) -> dict[str, Any]:
    routes = url_routes()
    resources = [describe(r, routes) for r in registry.all() if app is None or r.app_label == app]
    return {
        "resources": resources,
        "navigation": [
            {
                "key": e.key,
                "label": str(e.label),
                "url": routes.get(e.url_name, e.url_name),
                "permission": e.permission,
                "staff_only": e.staff_only,
                "order": e.order,
            }
            for e in sorted(NAV_ENTRIES.values(), key=lambda e: (e.order, e.key))
        ],
        "step_cards": [
            {
                "key": c.key,
                "label": str(c.label),
                "step": c.step,
                "home": c.home,
                "url": reverse(c.url_name),
                "permission": c.permission,
                "replaces": list(c.replaces),
            }
            for c in STEP_CARDS.values()
        ],
    }


def _text(data: dict[str, Any]) -> str:
    lines: list[str] = []
    for r in data["resources"]:
        stage = "frontstage" if r["frontstage"] else "backstage"
        lines.append(f"{r['model']}  ({r['verbose_name']}; {stage}; step {r['step'] or '-'})")
        lines.append(f"  declared in   {r['declared_in']}")
        if r["owner_path"]:
            lines.append(f"  owner path    {r['owner_path']}")
        lines.append("  pages")
        lines += [f"    {path:<58} {name}" for name, path in r["pages"].items()]
        lines.append("  api")
        lines += [f"    {path:<58} {name}" for name, path in r["api"].items()]
        lines.append(f"  permissions   {', '.join(r['permissions'])}")
        lines.append(f"  columns       {', '.join(r['columns'])}")
        lines.append(f"  filters       {', '.join(r['filters']) or '-'}")
        lines.append(f"  search        {', '.join(r['search']) or '-'}")
        for t in r["transitions"]:
            lines.append(
                f"  transition    {t['name']}: {t['field']} {'|'.join(t['from'])} -> {t['to']}"
                f"  (permission {t['permission']}; service {t['service']}; guard {t['guard'] or '-'}"
                f"{'; asks to confirm' if t['confirm'] else ''})"
            )
        if r["versioned"]:
            lines.append(f"  versioned     with {', '.join(r['version_children']) or 'no child rows'}")
        for kind, service in r["services"].items():
            if service:
                lines.append(f"  {kind + ' service':<13} {service}")
        for piece, dotted in r["overrides"].items():
            lines.append(f"  {piece:<13} {dotted}")
        if r["detail_template"]:
            lines.append(f"  template      {r['detail_template']}")
        lines.append("  roles")
        lines += [f"    {role:<22} {', '.join(codes)}" for role, codes in r["roles"].items()]
        lines.append("")
    lines.append("navigation")
    lines += [
        f"  {e['key']:<14} {e['url']:<40} {e['permission'] or ('staff' if e['staff_only'] else '-')}"
        for e in data["navigation"]
    ]
    lines.append("step cards")
    lines += [
        f"  {c['key']:<14} step {c['step'] or '-'}{' + home' if c['home'] else ''}  {c['url']}  {c['permission'] or '-'}"
        for c in data["step_cards"]
    ]
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = _(
        "List every declared resource with its pages, API routes, permissions, filters, transitions and roles."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--json", action="store_true", help=_("Print JSON instead of text."))
        parser.add_argument("--app", help=_("Only the resources of this app (its label, e.g. parties)."))

    def handle(self, *args: Any, **options: Any) -> None:
        data = overview(options.get("app"))
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(_text(data), ending="")

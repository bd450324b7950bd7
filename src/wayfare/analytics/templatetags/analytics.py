from django import template

from ..messages import translate_engine_message

register = template.Library()


@register.filter
def engine_message(text: str) -> str:
    return translate_engine_message(text)

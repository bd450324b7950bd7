"""Assessments: a reusable questionnaire engine (issue #12, section 3). Built by the assessments part."""

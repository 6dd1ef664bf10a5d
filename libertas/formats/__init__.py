"""The project's own format modules (settings.FORMAT_MODULE_PATH), one folder per language.

Django looks here first and falls back to its own module for any name not set here. Django
ships none for Armenian, so without ours Armenian pages got US dates ("Նոյ․ 2, 2020"),
12-hour times and ungrouped numbers. Month names come from the catalogues; Django's Armenian
ones are wrong and are corrected in locale/packages/hy.
"""

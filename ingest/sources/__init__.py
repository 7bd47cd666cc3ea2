"""Sources: where papers come from. `folder` lists the files a user names (folders searched
recursively); a council's website joins here as another source.

Imports: `minutebook` and this package only.
"""

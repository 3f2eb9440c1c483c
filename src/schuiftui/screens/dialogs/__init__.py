"""Modal dialogs, one module per dialog or small family; each returns a value through `dismiss`.

- `base`: what every dialog shares (`Dialog`, `EditDialog`);
- `text`: a toelichting, the casus; `agenda`: one action;
- `session`: details, a new session or round, a person's name;
- `choices`: questions answered with a button (quit, confirm, draft, lock);
- `conflict`: a save that met someone else's change.

Import the module you need: a screen loads only the dialogs it opens.
"""

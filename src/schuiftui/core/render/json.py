"""JSON for scripts: keys in Dutch like the file format, never translated."""

from __future__ import annotations

import json
from typing import Any

from ..diff import AGENDA_KINDS, SessionDiff
from ..history import History
from ..session import Session


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def session_ref(session: Session) -> dict[str, Any]:
    """Which session: gemeente, datum and titel."""
    return {
        "gemeente": session.gemeente,
        "datum": session.datum.isoformat(),
        "titel": session.titel,
    }


def diff_json(difference: SessionDiff) -> str:
    """The diff as JSON: every slider, whether the casus changed, agenda ids per kind."""
    data = {
        "van": session_ref(difference.a),
        "naar": session_ref(difference.b),
        "gelijk": difference.same,
        "schuiven": {
            slider.id: {
                "van": slider.van,
                "naar": slider.naar,
                "verschil": slider.verschil,
                "toelichting_gewijzigd": slider.toelichting_gewijzigd,
            }
            for slider in difference.sliders
        },
        "sessie_gewijzigd": [change.field for change in difference.sessie],
        "casus_gewijzigd": difference.casus_gewijzigd,
        "agenda": {kind: difference.agenda_ids(kind) for kind in AGENDA_KINDS},
    }
    data["agenda"]["volgorde_gewijzigd"] = difference.agenda_reordered
    return _dump(data)


def history_json(history: History) -> str:
    """Every round with its stands and the change since the round before."""
    return _dump(
        {
            "gemeente": history.gemeente,
            "rondes": [
                {
                    "datum": row.datum.isoformat(),
                    "titel": row.titel,
                    "bron": row.source,
                    **({"commit": row.commit} if row.commit else {}),
                    **(
                        {"sessiedatum": row.sessiedatum.isoformat()}
                        if row.sessiedatum is not None
                        else {}
                    ),
                    "schuiven": {
                        slider_id: {"stand": stand, "verschil": row.changes[slider_id]}
                        for slider_id, stand in row.stands.items()
                    },
                }
                for row in history.rows
            ],
            "problemen": list(history.problems),
        }
    )

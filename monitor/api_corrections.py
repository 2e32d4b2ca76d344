"""Corrections through the HTTP API: what ``monitor stories split`` and ``join`` do.

======================================  ================================================
``POST /api/stories/{id}/split``        body ``{"articles": [id or URL, ...], "alert":
                                        false}``: the articles move into a new story,
                                        kept apart from those that stay; answers 201 with
                                        both stories and the new one's ``Location``
``POST /api/stories/join``              body ``{"stories": [id, id, ...]}``: the stories
                                        fold into the oldest; answers 200 with it
======================================  ================================================

Both change the archive, so they answer only when ``MONITOR_API_TOKEN`` is set (and
given): with none, anyone who reaches the port could rewrite the stories, so a 403 says
how to allow them. A story or an article the archive does not hold is a 404 naming it;
a story joined into another, an article of another story or every article of a story
is a 422 naming it; in every case nothing is written (:mod:`monitor.store.corrections`
checks first, in one transaction).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Path, Request
from fastapi.responses import JSONResponse

from monitor.api_errors import ApiError
from monitor.api_models import Correction, JoinRequest, Problem, SplitRequest
from monitor.errors import InputError, UnknownRecord
from monitor.store import corrections, queries

if TYPE_CHECKING:
    from monitor.app import App

log = logging.getLogger("monitor.api")

StoryId = Path(ge=1, le=queries.MAX_ID, description="The story to split.")


def add_corrections(api: FastAPI, app: App, token: str) -> None:
    """Add the two correction routes to ``api``; ``token`` is the API's bearer token."""
    responses: dict[int | str, dict[str, Any]] = {
        k: {"model": Problem} for k in (401, 403, 404, 422, 503)
    }

    def changed(fn: Any, *args: Any) -> Any:
        if not token:
            raise ApiError(
                403,
                "corrections through the API need a token: set MONITOR_API_TOKEN (or "
                "`monitor stories split` and `join` on the server)",
            )
        try:
            return fn(app.store, *args)
        except UnknownRecord as exc:
            raise ApiError(404, exc.message) from exc
        except InputError as exc:
            raise ApiError(422, exc.message) from exc

    def story(story_id: int) -> dict[str, Any]:
        found = queries.get_story(app.store.engine, story_id)
        if found is None:  # joined away by another request since
            raise ApiError(404, f"story {story_id} was joined into another meanwhile")
        return found

    @api.post(
        "/api/stories/{story_id}/split",
        response_model=Correction,
        status_code=201,
        responses=responses,
        tags=["stories"],
    )
    def split_story(request: Request, body: SplitRequest, story_id: int = StoryId) -> JSONResponse:
        """Move articles of a story (ids or URLs) into a new story, kept apart from the
        articles that stay: no later report and no regrouping joins them again."""
        refs = [str(a) for a in body.articles]
        now = datetime.now(UTC)
        new_id, moved = changed(corrections.split_story, story_id, refs, now, body.alert)
        result = Correction.model_validate(
            {
                "message": corrections.split_message(story_id, new_id, len(moved)),
                "moved": len(moved),
                "stories": [story(story_id), story(new_id)],
            }
        )
        log.info("correction through the API: %s", result.message)  # the operator's record
        where = str(request.url_for("get_story", story_id=new_id))
        return JSONResponse(
            result.model_dump(mode="json"), status_code=201, headers={"Location": where}
        )

    @api.post("/api/stories/join", response_model=Correction, responses=responses, tags=["stories"])
    def join_stories(body: JoinRequest) -> dict[str, Any]:
        """Join stories into the oldest (lowest id): their articles, alerts and links move
        to it, and a split's pairs among them are forgotten."""
        survivor, moved = changed(corrections.join_stories, body.stories, datetime.now(UTC))
        message = corrections.join_message(body.stories, survivor, moved)
        log.info("correction through the API: %s", message)
        return {
            "message": message,
            "moved": moved,
            "stories": [story(survivor)],
        }

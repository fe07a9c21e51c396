"""Interactions: acting as users (slash, click, modal, context menu) and the bot's answers to them."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .models import (
    ADMINISTRATOR,
    EPHEMERAL,
    LOADING,
    FakeCallback,
    FakeChannel,
    FakeFile,
    FakeGuild,
    FakeHTTPError,
    FakeInteraction,
    FakeMessage,
    FakeUser,
    invalid_form,
    walk_components,
)
from .rules import check_text_inputs

if TYPE_CHECKING:
    from .server import FakeDiscord

    _Base = FakeDiscord
else:
    _Base = object

ANSWER_WINDOW = 3.0
TOKEN_LIFETIME = 15 * 60.0

_OPTION_TYPES: dict[int, tuple[type, ...]] = {3: (str,), 4: (int,), 5: (bool,), 10: (int, float)}


class InteractionsMixin(_Base):
    """User actions that create interactions, and the callback/webhook routes that answer them."""

    # ------------------------------------------------------------------ building & dispatching
    def _interaction_payload(self, ia: FakeInteraction) -> dict[str, Any]:
        ch = ia.channel
        data: dict[str, Any] = {
            "id": str(ia.id),
            "application_id": str(self.application_id),
            "type": ia.type,
            "token": ia.token,
            "version": 1,
            "data": ia.data,
            "channel": ch.to_payload(),
            "channel_id": str(ch.id),
            "locale": ia.user.locale,
            "entitlements": [],
            "attachment_size_limit": ia.attachment_size_limit,
            "app_permissions": str(ch.bot_permissions),
        }
        if ch.guild is not None:
            member = ch.guild.members.get(ia.user.id)
            assert member is not None, f"{ia.user.name} is not a member of guild {ch.guild.name}"
            data |= {
                "guild_id": str(ch.guild.id),
                "guild": {"id": str(ch.guild.id), "locale": ch.guild.locale, "features": []},
                "guild_locale": ch.guild.locale,
                "member": member.to_payload(with_permissions=ch.member_permissions(member)),
                "authorizing_integration_owners": {"0": str(ch.guild.id)},
                "context": 0,
            }
        else:
            data |= {
                "user": ia.user.to_payload(),
                "authorizing_integration_owners": {"0": "0"},
                "context": 1,
            }
        if ia.message is not None:
            data["message"] = self.seen_by_bot(ia.message)
        return data

    async def _interact(
        self,
        itype: int,
        user: FakeUser,
        channel: FakeChannel,
        data: dict[str, Any],
        *,
        message: FakeMessage | None = None,
        attachment_size_limit: int | None = None,
    ) -> FakeInteraction:
        await self.wait_connected_for(channel.guild_id)
        ia = FakeInteraction(
            id=self.snowflake(),
            token=f"fake-ia-{secrets.token_urlsafe(32)}",
            type=itype,
            user=user,
            channel=channel,
            created=self.now(),
            data=data,
            attachment_size_limit=attachment_size_limit or channel.upload_limit,
            message=message,
            _waiter=self._wait,
        )
        self.interactions[ia.id] = ia
        self._by_token[ia.token] = ia
        await self.gateway.dispatch("INTERACTION_CREATE", self._interaction_payload(ia))
        return ia

    async def slash(
        self,
        user: FakeUser,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        channel: FakeChannel | None = None,
        attachments: dict[str, FakeFile] | None = None,
        attachment_size_limit: int | None = None,
    ) -> FakeInteraction:
        """``user`` runs ``/name`` (``"group sub"`` for subcommands) with typed options from the sync."""
        channel = channel or self.channel
        top, *subs = name.split()
        cmd = self.find_command(top, channel.guild_id, 1)
        self._check_can_use(user, channel, cmd)
        defs: list[dict[str, Any]] = cmd.get("options") or []
        path: list[dict[str, Any]] = []
        for sub in subs:
            opt = next((o for o in defs if o["name"] == sub and o["type"] in (1, 2)), None)
            assert opt is not None, f"/{top} has no subcommand {sub!r}"
            path.append({"name": sub, "type": opt["type"], "options": []})
            defs = opt.get("options") or []
        resolved: dict[str, dict[str, Any]] = {}
        given: list[dict[str, Any]] = []
        for key, value in (options or {}).items():
            given.append(self._option(top, defs, key, value, channel, resolved))
        for key, file in (attachments or {}).items():
            odef = next((o for o in defs if o["name"] == key), None)
            assert odef is not None and odef["type"] == 11, f"/{name} has no attachment option {key!r}"
            att = self.store_attachment(file, channel.id, ephemeral=True)
            payload = FakeMessage(0, channel.id, None, user, _url_for=self.cdn_url).attachment_payload(att)
            resolved.setdefault("attachments", {})[str(att.id)] = payload | {"ephemeral": True}
            given.append({"name": key, "type": 11, "value": str(att.id)})
        names = {o["name"] for o in given}
        missing = [o["name"] for o in defs if o.get("required") and o["name"] not in names]
        assert not missing, f"/{name}: required options missing: {missing}"
        for level in reversed(path):
            level["options"] = given
            given = [level]
        data: dict[str, Any] = {"id": cmd["id"], "name": top, "type": 1, "options": given}
        if resolved:
            data["resolved"] = resolved
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return await self._interact(2, user, channel, data, attachment_size_limit=attachment_size_limit)

    def _check_can_use(self, user: FakeUser, channel: FakeChannel, cmd: dict[str, Any]) -> None:
        """Discord hides commands a user may not use; running one anyway is a test bug."""
        if not self.enforce_command_permissions:
            return
        if channel.guild is None:
            contexts = cmd.get("contexts")
            ok = cmd.get("dm_permission", True) is not False and (contexts is None or 1 in contexts)
            assert ok, f"command {cmd['name']!r} is not available in DMs"
            return
        member = channel.guild.members.get(user.id)
        assert member is not None, f"{user.name} is not a member of {channel.guild.name}"
        needed = cmd.get("default_member_permissions")
        if needed is not None and not member.permissions & ADMINISTRATOR:
            assert member.permissions & int(needed) == int(needed), (
                f"{user.name} lacks default_member_permissions={needed} for {cmd['name']!r}: Discord hides it"
            )

    def _option(
        self,
        cmd: str,
        defs: list[dict[str, Any]],
        key: str,
        value: Any,
        channel: FakeChannel,
        resolved: dict[str, dict[str, Any]],
    ) -> dict[str, Any]:
        odef = next((o for o in defs if o["name"] == key), None)
        assert odef is not None, f"/{cmd} has no option {key!r}; options: {[o['name'] for o in defs]}"
        otype = int(odef["type"])
        if otype == 6:
            user = value if isinstance(value, FakeUser) else self.users[int(value)]
            resolved.setdefault("users", {})[str(user.id)] = user.to_payload()
            member = channel.guild.members.get(user.id) if channel.guild else None
            if member is not None:
                resolved.setdefault("members", {})[str(user.id)] = {
                    k: v
                    for k, v in member.to_payload(with_permissions=member.permissions).items()
                    if k != "user"
                }
            value = str(user.id)
        elif otype == 7:
            target = value if isinstance(value, FakeChannel) else self.channels[int(value)]
            resolved.setdefault("channels", {})[str(target.id)] = target.to_payload() | {"permissions": "0"}
            value = str(target.id)
        elif otype == 11:
            raise AssertionError(f"/{cmd}: pass attachment option {key!r} via attachments=")
        elif otype in _OPTION_TYPES:
            ok = isinstance(value, _OPTION_TYPES[otype]) and not (otype != 5 and isinstance(value, bool))
            assert ok, f"/{cmd} option {key!r} is type {otype}, got {value!r}"
            choices = odef.get("choices")
            if choices:
                allowed = [c["value"] for c in choices]
                assert value in allowed, f"/{cmd} option {key!r}: {value!r} not in choices {allowed}"
        return {"name": key, "type": otype, "value": value}

    async def click(self, user: FakeUser, message: FakeMessage, custom_id: str) -> FakeInteraction:
        """``user`` clicks the button ``custom_id`` on ``message``."""
        button = next((c for c in message.buttons if c.get("custom_id") == custom_id), None)
        assert button is not None, (
            f"message {message.id} has no button {custom_id!r}; has {message.custom_ids}"
        )
        assert not button.get("disabled"), f"button {custom_id!r} is disabled"
        assert not message.deleted, "message was deleted"
        channel = self.channels[message.channel_id]
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(3, user, channel, data, message=message)

    async def select(
        self, user: FakeUser, message: FakeMessage, custom_id: str, values: list[str]
    ) -> FakeInteraction:
        """``user`` picks ``values`` in the string select ``custom_id``."""
        comp = next((c for c in walk_components(message.components) if c.get("custom_id") == custom_id), None)
        assert comp is not None and comp.get("type") == 3, (
            f"message {message.id} has no string select {custom_id!r}"
        )
        channel = self.channels[message.channel_id]
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        return await self._interact(3, user, channel, data, message=message)

    async def submit_modal(
        self,
        user: FakeUser,
        custom_id: str,
        values: dict[str, str],
        *,
        channel: FakeChannel | None = None,
        message: FakeMessage | None = None,
    ) -> FakeInteraction:
        """``user`` submits the modal ``custom_id`` (which the bot must have shown) with ``values``."""
        source = next(
            (
                ia
                for ia in reversed(self.interactions.values())
                if ia.modal and ia.modal.get("custom_id") == custom_id
            ),
            None,
        )
        assert source is not None and source.modal is not None, f"the bot never opened a modal {custom_id!r}"
        inputs = {
            c["custom_id"]: c
            for c in walk_components(source.modal.get("components") or [])
            if c.get("type") == 4
        }
        unknown = set(values) - set(inputs)
        assert not unknown, f"modal {custom_id!r} has no inputs {unknown}; has {list(inputs)}"
        rows: list[dict[str, Any]] = []
        for cid, spec in inputs.items():
            value = values.get(cid, "")
            assert not (spec.get("required", True) and not value), f"modal input {cid!r} is required"
            assert len(value) <= int(spec.get("max_length", 4000)), f"modal input {cid!r} too long"
            labelled = any(c.get("type") == 18 for c in source.modal.get("components") or [])
            inner = {"type": 4, "custom_id": cid, "value": value}
            rows.append({"type": 18, "component": inner} if labelled else {"type": 1, "components": [inner]})
        data = {"custom_id": custom_id, "components": rows}
        return await self._interact(
            5,
            user,
            channel or source.channel,
            data,
            message=message if message is not None else source.message,
        )

    async def context_menu(self, user: FakeUser, name: str, message: FakeMessage) -> FakeInteraction:
        """``user`` runs the message context menu ``name`` on ``message``."""
        channel = self.channels[message.channel_id]
        cmd = self.find_command(name, channel.guild_id, 3)
        self._check_can_use(user, channel, cmd)
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": name,
            "type": 3,
            "target_id": str(message.id),
            # Exempt from the Message Content intent: the app sees the whole target message here.
            "resolved": {"messages": {str(message.id): message.to_payload()}},
        }
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return await self._interact(2, user, channel, data)

    def post_user_message(
        self,
        user: FakeUser,
        content: str = "",
        *,
        channel: FakeChannel | None = None,
        files: list[FakeFile] | tuple[FakeFile, ...] = (),
        embeds: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    ) -> FakeMessage:
        """Store a message ``user`` posted (attachments served by the CDN). Not dispatched."""
        channel = channel or self.channel
        msg = self._make_message(channel, user, {"content": content, "embeds": list(embeds)}, [])
        msg.attachments = [self.store_attachment(f, channel.id) for f in files]
        self._notify()
        return msg

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a raw gateway DISPATCH (buffered for RESUME while the bot is away); returns its seq."""
        return await self.gateway.dispatch(event, data)

    async def dispatch_guild_create(self, guild: FakeGuild) -> None:
        """Tell the connected bot about a guild added after it connected (GUILD_CREATE)."""
        await self.gateway.dispatch("GUILD_CREATE", guild.to_payload(self.bot_user))

    async def dispatch_message_create(self, message: FakeMessage) -> None:
        """Tell the bot about ``message`` with MESSAGE_CREATE (blank without the Message Content intent)."""
        payload = self.seen_by_bot(message)
        if message.guild_id is not None:
            member = self.guilds[message.guild_id].members.get(message.author_id)
            if member is not None:
                payload["member"] = {k: v for k, v in member.to_payload().items() if k != "user"}
        await self.gateway.dispatch("MESSAGE_CREATE", payload)

    # ------------------------------------------------------------------ gateway controls
    async def gateway_reconnect(self, shard_id: int | None = None) -> None:
        """Send op 7 RECONNECT (on ``shard_id``; None: the only session); the client should RESUME."""
        await self.gateway.send_op({"op": 7, "d": None}, shard_id)

    async def gateway_invalid_session(self, resumable: bool, shard_id: int | None = None) -> None:
        """Send op 9 INVALID_SESSION."""
        await self.gateway.send_op({"op": 9, "d": resumable}, shard_id)

    async def gateway_close(self, code: int = 4000, shard_id: int | None = None) -> None:
        """Close the bot's gateway socket (of ``shard_id``; None: the only one) with ``code``."""
        await self.gateway.close_current(code, shard_id)

    # ------------------------------------------------------------------ routes: callback
    async def _callback(self, request: web.Request) -> web.StreamResponse:
        ia = self.interactions.get(int(request.match_info["iid"]))
        if ia is None or ia.token != request.match_info["token"]:
            raise FakeHTTPError(404, 10062, "Unknown interaction")
        if self.now() - ia.created > ANSWER_WINDOW:
            raise FakeHTTPError(404, 10062, "Unknown interaction")
        if ia.responses:
            raise FakeHTTPError(400, 40060, "Interaction has already been acknowledged.")
        body = self._body(request) or {}
        files = self._files(request)
        ctype = int(body.get("type", 0))
        data = body.get("data") or {}
        meta: dict[str, Any] = {"id": str(ia.id), "type": ia.type}
        resource: dict[str, Any] = {"type": ctype}
        if ctype == 4:
            self._check(data, files, ia.attachment_size_limit, creating=True)
            msg = self._make_message(
                ia.channel,
                self.bot_user,
                data,
                files,
                interaction=ia,
                flags=int(data.get("flags") or 0) & ~LOADING,
            )
            ia.original = msg
            resource["message"] = msg.to_payload()
            self._stored(msg, created=True, added=msg.attachments)
        elif ctype == 5:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            msg = self._make_message(ia.channel, self.bot_user, {}, [], interaction=ia, flags=flags)
            ia.original = msg
            meta["response_message_loading"] = True
            resource["message"] = msg.to_payload()
        elif ctype in (6, 7):
            if ia.type not in (3, 5) or ia.message is None:
                raise invalid_form(
                    f"callback type {ctype} needs a component (or modal-from-component) interaction"
                )
            ia.original = ia.message
            if ctype == 7:
                if ia.message.author_id != self.bot_user.id:
                    raise FakeHTTPError(403, 50005, "Cannot edit a message authored by another user")
                before = {a.id for a in ia.message.attachments}
                self._edit_message(ia.message, data, files, ia.attachment_size_limit)
                resource["message"] = ia.message.to_payload()
                added = [a for a in ia.message.attachments if a.id not in before]
                self._stored(ia.message, created=False, added=added)
        elif ctype == 9:
            if ia.type == 5:
                raise invalid_form("a modal submit cannot be answered with a modal")
            self._check_modal(data)
        elif ctype == 8:
            if ia.type != 4:
                raise invalid_form("autocomplete result for a non-autocomplete interaction")
        elif ctype != 1:
            raise invalid_form(f"unknown interaction callback type {ctype}")
        ia.responses.append(FakeCallback(ctype, data))
        if ia.original is not None:
            meta["response_message_id"] = str(ia.original.id)
            meta["response_message_ephemeral"] = ia.original.ephemeral
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return web.Response(status=204)
        return self._json_response({"interaction": meta, "resource": resource})

    @staticmethod
    def _check_modal(data: dict[str, Any]) -> None:
        title = str(data.get("title") or "")
        if not 1 <= len(title) <= 45:
            raise invalid_form(f"modal title must be 1-45 characters ({len(title)})")
        cid = str(data.get("custom_id") or "")
        if not 1 <= len(cid) <= 100:
            raise invalid_form("modal custom_id must be 1-100 characters")
        comps = data.get("components") or []
        if not 1 <= len(comps) <= 5:
            raise invalid_form(f"a modal has 1-5 top-level components ({len(comps)})")
        check_text_inputs(comps)
        seen: set[str] = set()
        for comp in walk_components(comps):
            if comp.get("type") == 4:
                if comp["custom_id"] in seen:
                    raise invalid_form(f"duplicate custom_id {comp['custom_id']!r}")
                seen.add(comp["custom_id"])
                if int(comp.get("max_length", 4000)) > 4000:
                    raise invalid_form("text input max_length must be ≤ 4000")

    # ------------------------------------------------------------------ routes: webhooks
    def _webhook_interaction(self, request: web.Request) -> FakeInteraction:
        ia = self._by_token.get(request.match_info["token"])
        if ia is None or request.match_info["app"] != str(self.application_id):
            raise FakeHTTPError(404, 10015, "Unknown Webhook")
        if self.now() - ia.created > TOKEN_LIFETIME:
            raise FakeHTTPError(401, 50027, "Invalid Webhook Token")
        return ia

    async def _followup(self, request: web.Request) -> web.StreamResponse:
        ia = self._webhook_interaction(request)
        if not ia.responses:
            raise FakeHTTPError(404, 10015, "Unknown Webhook")  # not acknowledged yet
        payload, files = self._body(request) or {}, self._files(request)
        orig = ia.original
        if orig is not None and orig.loading and not ia.followups and orig.edits == 0:
            # The first followup after a thinking defer replaces the "is thinking…" message.
            self._check(payload, files, ia.attachment_size_limit, creating=True)
            self._edit_message(
                orig, {k: v for k, v in payload.items() if k != "flags"}, files, ia.attachment_size_limit
            )
            msg = orig
        else:
            self._check(payload, files, ia.attachment_size_limit, creating=True)
            flags = int(payload.get("flags") or 0) & ~LOADING
            msg = self._make_message(ia.channel, self.bot_user, payload, files, interaction=ia, flags=flags)
        ia.followups.append(msg)
        self._stored(msg, created=True, added=msg.attachments)
        if request.query.get("wait", "").lower() not in ("1", "true"):
            return web.Response(status=204)
        return self._json_response(msg.to_payload())

    async def _webhook_message(self, request: web.Request) -> web.StreamResponse:
        ia = self._webhook_interaction(request)
        mid = request.match_info["mid"]
        msg: FakeMessage | None
        if mid == "@original":
            msg = ia.original
        else:
            msg = next((m for m in [ia.original, *ia.followups] if m is not None and str(m.id) == mid), None)
        if msg is None or msg.deleted:
            raise FakeHTTPError(404, 10008, "Unknown Message")
        if request.method == "GET":
            return self._json_response(msg.to_payload())
        if request.method == "DELETE":
            msg.deleted = True
            return web.Response(status=204)
        if request.method == "PATCH":
            if msg.author_id != self.bot_user.id:
                raise FakeHTTPError(403, 50005, "Cannot edit a message authored by another user")
            before = {a.id for a in msg.attachments}
            self._edit_message(msg, self._body(request) or {}, self._files(request), ia.attachment_size_limit)
            self._stored(msg, created=False, added=[a for a in msg.attachments if a.id not in before])
            return self._json_response(msg.to_payload())
        raise FakeHTTPError(405, 0, "405: Method Not Allowed")

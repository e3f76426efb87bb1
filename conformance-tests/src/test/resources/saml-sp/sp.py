#!/usr/bin/python3
"""A small SAML 2.0 service provider built on pysaml2, run by SatuPintu's conformance tests.

pysaml2 (Debian's python3-pysaml2) does all SAML processing and checks: it signs AuthnRequests and
LogoutRequests, and verifies and decrypts every response with the xmlsec1 tool, so what it accepts
was checked by an implementation independent of the IdP's OpenSAML/Santuario. This program only
wires pysaml2 to HTTP (standard library wsgiref) and reports what it saw as JSON.

Endpoints (SAML Profiles 4.1 Web Browser SSO, 4.4 Single Logout):
  GET  /metadata   this SP's metadata (SAML Metadata 2.4.4)
  GET  /login      SP-initiated SSO: ?binding=redirect|post&force=0|1&passive=0|1&relay_state=...
                   &acs=<AssertionConsumerServiceURL override>&sign=0|1&nameid=persistent|transient|unspecified
  POST /acs        HTTP-POST ACS: pysaml2 validates the Response; 200 JSON of the session or 4xx with its error
  GET  /whoami     the current session (cookie) as JSON, or 401
  GET  /logout     SP-initiated SLO through the IdP's SLO endpoint
  GET|POST /slo    IdP-initiated LogoutRequests (answered with a LogoutResponse) and LogoutResponses
  GET  /events     what /slo received, for the tests (JSON list)

The session lives in memory, keyed by a cookie named after this SP (--cookie), because several
SPs run on the same host and browsers do not keep cookies apart by port.
"""

import argparse
import base64
import html
import json
import logging
import os
import re
import secrets
import sys
import threading
import traceback
import urllib.parse
import xml.etree.ElementTree as ET
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.ident import decode as decode_name_id
from saml2.metadata import create_metadata_string
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NAMEID_FORMAT_TRANSIENT, NAMEID_FORMAT_UNSPECIFIED
from saml2.sigver import verify_redirect_signature

LOG = logging.getLogger("saml-sp")
NS = {
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
}
SIG_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_ALG = "http://www.w3.org/2001/04/xmlenc#sha256"
NAMEID_FORMATS = {
    "persistent": NAMEID_FORMAT_PERSISTENT,
    "transient": NAMEID_FORMAT_TRANSIENT,
    "unspecified": NAMEID_FORMAT_UNSPECIFIED,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entity-id", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--base-url", help="this SP's public URL; default http://HOST:PORT")
    parser.add_argument("--idp-metadata", help="IdP metadata file; without it only /metadata works")
    parser.add_argument("--key", required=True, help="signing key (PEM)")
    parser.add_argument("--cert", required=True, help="signing certificate (PEM)")
    parser.add_argument("--enc-key", help="encryption key (PEM); with --enc-cert publishes an encryption certificate")
    parser.add_argument("--enc-cert")
    parser.add_argument("--sign-requests", choices=["true", "false"], default="true")
    parser.add_argument("--want-assertions-signed", choices=["true", "false"], default="true")
    parser.add_argument("--want-response-signed", choices=["true", "false"], default="true")
    parser.add_argument("--binding", choices=["redirect", "post"], default="redirect",
                        help="default binding of AuthnRequests")
    parser.add_argument("--relay-state", default="", help="default RelayState of AuthnRequests")
    parser.add_argument("--cookie", default="pysaml2_sp", help="session cookie name")
    parser.add_argument("--xmlsec", default="/usr/bin/xmlsec1")
    return parser.parse_args()


def config_for(args, base_url):
    sp = {
        "endpoints": {
            "assertion_consumer_service": [(base_url + "/acs", BINDING_HTTP_POST)],
            "single_logout_service": [
                (base_url + "/slo", BINDING_HTTP_REDIRECT),
                (base_url + "/slo", BINDING_HTTP_POST),
            ],
        },
        "authn_requests_signed": args.sign_requests == "true",
        "logout_requests_signed": True,
        "logout_responses_signed": True,
        "want_assertions_signed": args.want_assertions_signed == "true",
        "want_response_signed": args.want_response_signed == "true",
        "want_assertions_or_response_signed": True,
        "allow_unsolicited": False,
        "name_id_format": [NAMEID_FORMAT_PERSISTENT, NAMEID_FORMAT_TRANSIENT],
        "name_id_policy_format": NAMEID_FORMAT_PERSISTENT,
        "name_id_format_allow_create": True,
    }
    config = {
        "entityid": args.entity_id,
        "name": "pysaml2 conformance SP",
        "key_file": args.key,
        "cert_file": args.cert,
        "xmlsec_binary": args.xmlsec,
        "accepted_time_diff": 60,
        "allow_unknown_attributes": True,
        "service": {"sp": sp},
        "metadata": {"local": [args.idp_metadata]} if args.idp_metadata else {},
    }
    if args.enc_key and args.enc_cert:
        config["encryption_keypairs"] = [{"key_file": args.enc_key, "cert_file": args.enc_cert}]
    return config


class ServiceProvider:
    """The SP's state: pysaml2's client, outstanding AuthnRequests and sessions, guarded by one lock."""

    def __init__(self, args):
        self.args = args
        self.base_url = args.base_url or "http://%s:%d" % (args.host, args.port)
        self.config = SPConfig()
        self.config.load(config_for(args, self.base_url))
        self.client = Saml2Client(config=self.config)
        metadata = create_metadata_string(None, config=self.config, sign=False)
        self.metadata = metadata.decode("utf-8") if isinstance(metadata, bytes) else metadata
        self.outstanding = {}
        self.sessions = {}
        self.events = []
        self.lock = threading.Lock()

    # --- helpers ---------------------------------------------------------------------------------

    def idp_entity_id(self):
        idps = list(self.client.metadata.identity_providers())
        if len(idps) != 1:
            raise ValueError("expected exactly one IdP in the metadata, found %d" % len(idps))
        return idps[0]

    def idp_signing_certs(self):
        return self.client.metadata.certs(self.idp_entity_id(), "idpsso", use="signing")

    def session_of(self, environ):
        cookies = {}
        for part in environ.get("HTTP_COOKIE", "").split(";"):
            name, _, value = part.strip().partition("=")
            cookies[name] = value
        return self.sessions.get(cookies.get(self.args.cookie, ""))

    def cookie_header(self, value, clear=False):
        if clear:
            return ("Set-Cookie", "%s=; Path=/; Max-Age=0; HttpOnly" % self.args.cookie)
        return ("Set-Cookie", "%s=%s; Path=/; HttpOnly" % (self.args.cookie, value))

    def sessions_of(self, name_id_text):
        return [k for k, s in self.sessions.items() if s["name_id"] == name_id_text]

    # --- endpoints -------------------------------------------------------------------------------

    def login(self, query):
        binding = BINDING_HTTP_POST if query.get("binding", self.args.binding) == "post" else BINDING_HTTP_REDIRECT
        sign = query.get("sign", self.args.sign_requests) in ("1", "true")
        relay_state = query.get("relay_state", self.args.relay_state)
        kwargs = {}
        if query.get("force") == "1":
            kwargs["force_authn"] = "true"
        if query.get("passive") == "1":
            kwargs["is_passive"] = "true"
        if query.get("acs"):
            kwargs["assertion_consumer_service_url"] = query["acs"]
        nameid_format = NAMEID_FORMATS.get(query.get("nameid", "persistent"))
        destination = self.client.sso_location(self.idp_entity_id(), binding)
        if binding == BINDING_HTTP_REDIRECT:
            request_id, request = self.client.create_authn_request(
                destination, binding=BINDING_HTTP_POST, nameid_format=nameid_format, sign=False, **kwargs)
            info = self.client.apply_binding(BINDING_HTTP_REDIRECT, str(request), destination, relay_state,
                                             sign=sign, sigalg=SIG_ALG)
            self.outstanding[request_id] = relay_state
            location = dict(info["headers"])["Location"]
            return "303 See Other", [("Location", location)], b""
        request_id, request = self.client.create_authn_request(
            destination, binding=BINDING_HTTP_POST, nameid_format=nameid_format, sign=sign,
            sign_alg=SIG_ALG, digest_alg=DIGEST_ALG, **kwargs)
        self.outstanding[request_id] = relay_state
        return auto_post(destination, "SAMLRequest", str(request), relay_state)

    def acs(self, form):
        saml_response = form.get("SAMLResponse")
        if not saml_response:
            return error(400, "NoSAMLResponse", "the POST carried no SAMLResponse")
        raw = base64.b64decode(saml_response)
        try:
            response = self.client.parse_authn_request_response(saml_response, BINDING_HTTP_POST,
                                                                outstanding=dict(self.outstanding))
        except Exception as e:  # pysaml2 reports every validation failure as an exception
            LOG.info("response rejected: %s: %s", type(e).__name__, e)
            return error(403, type(e).__name__, str(e))
        if response is None:
            return error(403, "NoResponse", "pysaml2 could not use the response")
        session_info = response.session_info()
        # pysaml2 only remembers decrypted-assertion subjects itself when the assertion was not encrypted
        self.client.users.add_information_about_person(session_info)
        self.outstanding.pop(response.in_response_to, None)
        name_id = response.name_id
        authn = response.authn_info()
        session = {
            "name_id": name_id.text,
            "name_id_format": name_id.format,
            "name_qualifier": name_id.name_qualifier,
            "sp_name_qualifier": name_id.sp_name_qualifier,
            "attributes": response.ava,
            "session_index": session_info.get("session_index"),
            "authn_context_class_ref": authn[0][0] if authn else None,
            "in_response_to": response.in_response_to,
            "issuer": response.issuer(),
            "relay_state": form.get("RelayState"),
        }
        session.update(signature_facts(raw))
        session_id = secrets.token_urlsafe(24)
        self.sessions[session_id] = dict(session, _name_id=name_id)
        return json_response(200, session, [self.cookie_header(session_id)])

    def whoami(self, environ):
        session = self.session_of(environ)
        if session is None:
            return error(401, "NoSession", "no session at this SP")
        return json_response(200, public(session))

    def logout(self, environ):
        session = self.session_of(environ)
        if session is None:
            return error(401, "NoSession", "no session at this SP")
        result = self.client.global_logout(session["_name_id"], sign_alg=SIG_ALG, digest_alg=DIGEST_ALG)
        for _, (binding, info) in result.items():
            if binding == BINDING_HTTP_REDIRECT:
                return "303 See Other", [("Location", dict(info["headers"])["Location"])], b""
            return form_from_pysaml2(info)
        return error(500, "NoIdP", "pysaml2 found no IdP to log out from")

    def slo(self, method, query, form, raw_query):
        binding = BINDING_HTTP_POST if method == "POST" else BINDING_HTTP_REDIRECT
        params = form if method == "POST" else query
        relay_state = params.get("RelayState", "")
        if "SAMLResponse" in params:
            return self.logout_response(params, binding, raw_query)
        if "SAMLRequest" in params:
            return self.logout_request(params, binding, relay_state, raw_query)
        return error(400, "NoSAMLMessage", "neither SAMLRequest nor SAMLResponse")

    def logout_response(self, params, binding, raw_query):
        event = {"type": "LogoutResponse", "binding": binding_name(binding)}
        try:
            if binding == BINDING_HTTP_REDIRECT:
                event["redirect_signature"] = self.verify_redirect(raw_query)
            response = self.client.parse_logout_request_response(params["SAMLResponse"], binding)
            if response is None:
                raise ValueError("pysaml2 could not use the LogoutResponse")
            top = response.response.status.status_code
            event["status"] = top.value
            # SAML Profiles 4.4.4.2: a logout not propagated to every participant is Success/PartialLogout
            event["sub_status"] = top.status_code.value if top.status_code is not None else None
            event["in_response_to"] = response.in_response_to
            state = self.client.state.get(response.in_response_to)
            name_id = decode_name_id(state["name_id"]).text if state else None
            self.client.handle_logout_response(response)
        except Exception as e:
            event["error"] = "%s: %s" % (type(e).__name__, e)
            self.events.append(event)
            return error(403, type(e).__name__, str(e))
        self.events.append(event)
        if name_id:
            for key in self.sessions_of(name_id):
                del self.sessions[key]
        return json_response(200, {"logged_out": event["status"].endswith(":Success"), "status": event["status"],
                                   "sub_status": event["sub_status"]},
                             [self.cookie_header("", clear=True)])

    def logout_request(self, params, binding, relay_state, raw_query):
        event = {"type": "LogoutRequest", "binding": binding_name(binding)}
        try:
            if binding == BINDING_HTTP_REDIRECT:
                event["redirect_signature"] = self.verify_redirect(raw_query)
            request = self.client.parse_logout_request(params["SAMLRequest"], binding)
            if request is None:
                raise ValueError("pysaml2 could not use the LogoutRequest")
            message = request.message
            event["post_signature"] = message.signature is not None
            event["name_id"] = message.name_id.text if message.name_id is not None else None
            event["session_index"] = [s.text for s in message.session_index]
            keys = self.sessions_of(event["name_id"])
            stored = self.sessions[keys[0]]["_name_id"] if keys else None
            # SAML Core 3.7.3.2: the NameID must be the one of the assertion, qualifiers and format included
            event["name_id_matches"] = stored is not None and message.name_id == stored
            event["name_id_received"] = name_id_fields(message.name_id)
            event["name_id_of_session"] = name_id_fields(stored)
            info = self.client.handle_logout_request(params["SAMLRequest"],
                                                     stored if stored is not None else message.name_id, binding,
                                                     sign=True, sign_alg=SIG_ALG, digest_alg=DIGEST_ALG,
                                                     relay_state=relay_state)
            ended = keys if event["name_id_matches"] else []
            for key in ended:
                del self.sessions[key]
            event["sessions_ended"] = len(ended)
        except Exception as e:
            event["error"] = "%s: %s" % (type(e).__name__, e)
            self.events.append(event)
            LOG.info("LogoutRequest refused: %s", event["error"])
            return error(403, type(e).__name__, str(e))
        self.events.append(event)
        if info.get("method") == "GET":
            return "303 See Other", [("Location", dict(info["headers"])["Location"])], b""
        return form_from_pysaml2(info)

    def verify_redirect(self, raw_query):
        """SAML Bindings 3.4.4.1: a signed Redirect message is verified over the query as received."""
        pairs = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
        if "Signature" not in pairs:
            return "absent"
        for cert in self.idp_signing_certs():
            if verify_redirect_signature(pairs, self.client.sec.sec_backend, cert=cert):
                return "valid"
        raise ValueError("the Redirect-binding signature does not verify with the IdP's signing certificate")


# --- small pieces ----------------------------------------------------------------------------------

def name_id_fields(name_id):
    if name_id is None:
        return None
    return {"value": name_id.text, "format": name_id.format, "name_qualifier": name_id.name_qualifier,
            "sp_name_qualifier": name_id.sp_name_qualifier, "sp_provided_id": name_id.sp_provided_id}


def binding_name(binding):
    return "post" if binding == BINDING_HTTP_POST else "redirect"


def signature_facts(raw):
    """What the Response looked like on the wire: which parts carried signatures, whether encrypted."""
    facts = {"response_signed": False, "assertion_signed": None, "assertion_encrypted": False}
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        return facts
    facts["response_signed"] = root.find("ds:Signature", NS) is not None
    facts["assertion_encrypted"] = root.find("saml:EncryptedAssertion", NS) is not None
    assertion = root.find("saml:Assertion", NS)
    if assertion is not None:
        facts["assertion_signed"] = assertion.find("ds:Signature", NS) is not None
    return facts


def public(session):
    return {k: v for k, v in session.items() if not k.startswith("_")}


def json_response(status, body, headers=()):
    data = json.dumps(body, default=str).encode("utf-8")
    return "%d %s" % (status, {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
                               404: "Not Found", 500: "Internal Server Error"}[status]), \
        [("Content-Type", "application/json")] + list(headers), data


def error(status, code, message):
    return json_response(status, {"error": code, "message": message})


def auto_post(action, name, message, relay_state):
    """SAML Bindings 3.5.4: a form that a browser without JavaScript submits through its button."""
    value = base64.b64encode(message.encode("utf-8")).decode("ascii")
    relay = ('<input type="hidden" name="RelayState" value="%s"/>' % html.escape(relay_state, quote=True)
             if relay_state else "")
    page = ('<!DOCTYPE html><html><head><title>SAML POST</title></head><body>'
            '<form method="post" action="%s" data-auto-submit>'
            '<input type="hidden" name="%s" value="%s"/>%s'
            '<noscript><button type="submit">Continue</button></noscript>'
            '</form></body></html>') % (html.escape(action, quote=True), name, value, relay)
    return "200 OK", [("Content-Type", "text/html; charset=utf-8")], page.encode("utf-8")


def form_from_pysaml2(info):
    """Re-renders pysaml2's POST-binding form in the same shape as auto_post."""
    page = info["data"]
    fields = dict(re_inputs(page))
    name = "SAMLRequest" if "SAMLRequest" in fields else "SAMLResponse"
    value = base64.b64decode(fields[name]).decode("utf-8")
    return auto_post(info["url"], name, value, fields.get("RelayState", ""))


def re_inputs(page):
    for match in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        yield match.group(1), html.unescape(match.group(2))


def application(sp):
    def app(environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "/")
        raw_query = environ.get("QUERY_STRING", "")
        query = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
        form = {}
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode("utf-8")
            form = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
        try:
            with sp.lock:
                if path == "/metadata":
                    result = "200 OK", [("Content-Type", "application/samlmetadata+xml")], sp.metadata.encode("utf-8")
                elif path == "/login":
                    result = sp.login(query)
                elif path == "/acs" and method == "POST":
                    result = sp.acs(form)
                elif path == "/whoami":
                    result = sp.whoami(environ)
                elif path == "/logout":
                    result = sp.logout(environ)
                elif path == "/slo":
                    result = sp.slo(method, query, form, raw_query)
                elif path == "/events":
                    result = json_response(200, {"events": sp.events})
                else:
                    result = error(404, "NotFound", path)
        except Exception as e:
            traceback.print_exc()
            result = error(500, type(e).__name__, str(e))
        status, headers, body = result
        start_response(status, headers + [("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]
    return app


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        # request lines only: the queries carry SAML messages, which are not logged whole
        LOG.info("%s %s", self.command, self.path.split("?")[0])


def main():
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="sp %(levelname)s %(message)s")
    # pysaml2 logs whole SAML messages at INFO; assertions must not reach a log
    logging.getLogger("saml2").setLevel(logging.WARNING)
    args = parse_args()
    sp = ServiceProvider(args)
    server = make_server(args.host, args.port, application(sp), server_class=ThreadingServer,
                         handler_class=QuietHandler)
    LOG.info("listening on %s as %s", sp.base_url, args.entity_id)
    server.serve_forever()


if __name__ == "__main__":
    os.umask(0o077)
    main()

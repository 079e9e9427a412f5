"""Private link tokens: 192 random bits in the link, only a SHA-256 hash in the database."""

import hashlib
import secrets


def new_token():
    token = secrets.token_urlsafe(24)
    return token, token_hash(token)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()

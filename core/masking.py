"""Contacts shown back partly hidden: enough for people to recognize what they typed,
not enough for whoever looks over their shoulder (or at a shared screen) to read it."""

HIDDEN = "•"


def mask_phone(typed):
    """Every digit but the last four hidden, the rest as typed: "••• ••• 0142"."""
    typed = typed.strip()
    shown = sum(c.isdigit() for c in typed) - 4
    out = []
    for char in typed:
        if char.isdigit() and shown > 0:
            out.append(HIDDEN)
            shown -= 1
        else:
            out.append(char)
    return "".join(out)


def mask_email(typed):
    """The first letter and the domain: "a••••••@example.org"."""
    typed = typed.strip()
    local, at, domain = typed.rpartition("@")
    if not at:
        return HIDDEN * len(typed)
    return local[:1] + HIDDEN * (len(local) - 1) + "@" + domain

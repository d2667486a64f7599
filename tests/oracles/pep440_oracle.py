"""Test oracle: packaging.version.Version (Debian's python3-packaging) compares each line's pair.

Reads "<a>|<b>" lines (versions may hold tabs, never "|") on stdin and prints -1, 0, 1, or "invalid" when either does not parse.
Run it with /usr/bin/python3, which has python3-packaging.
"""
import sys

from packaging.version import InvalidVersion, Version


def main() -> None:
    out = []
    for line in sys.stdin.read().split("\n"):
        if line == "":
            continue
        a, b = line.split("|")
        try:
            va, vb = Version(a), Version(b)
        except InvalidVersion:
            out.append("invalid")
            continue
        out.append(str((va > vb) - (va < vb)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

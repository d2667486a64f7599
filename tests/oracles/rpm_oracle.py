"""Test oracle: rpm's rpmvercmp (Debian's python3-rpm, rpm.labelCompare on the version field).

Reads "<a>|<b>" lines on stdin and prints -1, 0 or 1 per line. medtra's generic version order is
rpmvercmp's for versions without '~' and '^' and with lower-case letters, which is what the test
generates. Run it with /usr/bin/python3, which has python3-rpm.
"""
import sys

import rpm


def main() -> None:
    out = []
    for line in sys.stdin.read().split("\n"):
        if line == "":
            continue
        a, b = line.split("|")
        out.append(str(rpm.labelCompare(("0", a, "1"), ("0", b, "1"))))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

package ledger

import (
	"os"
	"strconv"
	"time"
)

// Now is the moment Tantième stamps on what it writes: the day an entry is
// posted (the FEC's ValidDate), « Imprimé le » on documents, the date of a
// letter, the day a closing is made.
//
// It honours SOURCE_DATE_EPOCH, the reproducible-builds.org convention (a
// count of seconds since 1970 in UTC): with it set, the same books give
// byte-identical documents and exports on any day, which the golden outputs
// of cmd/tantieme-cli rely on. Unset or unreadable, it is the real time.
// Locks, backups' names and the fingerprint log keep the real time: they
// say when something really happened on this computer.
func Now() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

// Today is Now's calendar day, as the books date things.
func Today() time.Time {
	n := Now()
	return Date(n.Year(), n.Month(), n.Day())
}

package ledger_test

import (
	"testing"
	"time"

	"tantieme/ledger"
)

func TestNowHonoursSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
	if got := ledger.Now(); !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Now() = %v", got)
	}
	if got := ledger.Today(); !got.Equal(ledger.Date(2026, time.January, 1)) {
		t.Errorf("Today() = %v", got)
	}
	for _, bad := range []string{"", "demain", "-5"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		if got := ledger.Now(); time.Since(got) > time.Minute || time.Since(got) < -time.Minute {
			t.Errorf("SOURCE_DATE_EPOCH=%q: Now() = %v, want the real time", bad, got)
		}
	}
}

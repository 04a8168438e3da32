package app

import (
	"testing"

	"tantieme/ledger"
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
}

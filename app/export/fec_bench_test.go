package export_test

import (
	"io"
	"testing"

	"tantieme/app/apptest"
	"tantieme/app/export"
)

// BenchmarkFEC exports the FEC of the demo's 2025 (it was a part of app's
// BenchmarkBooks600, on its 600-owner residence, before the exports left
// app).
//
//	go test ./app/export -run XXX -bench FEC -benchtime 3x
func BenchmarkFEC(b *testing.B) {
	r := apptest.Demo(b)
	ex := apptest.Year(b, r, 2025)
	for b.Loop() {
		if err := export.FEC(r, io.Discard, ex); err != nil {
			b.Fatal(err)
		}
	}
}

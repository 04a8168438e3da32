package ledgertest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tantieme/ledger"
)

// BenchGenerator is the version of ledger's benchmark residence generator
// (ledger/bench_test.go): bumped when it changes, so that an outdated file
// is never measured.
const BenchGenerator = 2

// BenchResidencePath is where ledger's benchmarks keep the big residence
// (1,000 lots, 600 owners, 200,000 entries) of this schema version, built by
//
//	CGO_ENABLED=0 go test ./ledger -run '^$' -bench Open -benchtime 1x
//
// Other packages' benchmarks read a copy of it and skip when it is missing.
func BenchResidencePath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("tantieme-bench-schema%d-gen%d.copro", ledger.SchemaVersion(), BenchGenerator))
}

// BenchResidenceCopy copies the big residence (the file named by the
// environment variable env when it is set) into a temporary folder of tb and
// returns the copy's path, for benchmarks that open it (an opening writes
// its lock, may migrate it); tb is skipped when the file is missing.
func BenchResidenceCopy(tb testing.TB, env string) string {
	tb.Helper()
	src := os.Getenv(env)
	if src == "" {
		src = BenchResidencePath()
	}
	if _, err := os.Stat(src); err != nil {
		tb.Skipf("no big residence (%v): build it with go test ./ledger -run '^$' -bench Open -benchtime 1x", err)
	}
	dst := filepath.Join(tb.TempDir(), "big.copro")
	CopyFile(tb, src, dst)
	return dst
}

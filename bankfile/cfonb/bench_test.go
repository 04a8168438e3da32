package cfonb

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"tantieme/bankfile"
)

// A month's statement of 5,000 lines (the benchmark size), each
// with a payer's name, a reference and a label complement.
func BenchmarkParse120(b *testing.B) {
	d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s := bankfile.Statement{Account: bankfile.Account{Bank: "30004", Branch: "00123", Number: "00012345678"}, From: d}
	for i := range 5000 {
		s.Lines = append(s.Lines, bankfile.Line{Date: d.AddDate(0, 0, i%28), Amount: int64(1000 + i), Label: fmt.Sprintf("VIR SEPA LOT %d", i),
			Counterparty: bankfile.Party{Name: fmt.Sprintf("M OU MME PROPRIETAIRE %d", i)}, EndToEnd: fmt.Sprintf("APPEL-%d", i), Details: []string{"APPEL DE FONDS"}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, []bankfile.Statement{s}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if st, err := Parse("bench.txt", buf.Bytes()); err != nil || len(st[0].Lines) != 5000 {
			b.Fatal(err)
		}
	}
}

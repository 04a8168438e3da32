// Package importing is the import assistant: it reads a workbook (owners
// and lots, a shares grid, a trial balance, entries, a budget) with the
// sheet package, checks every row against the residence, previews what it
// will create (Prepare) and writes it all in one transaction, or nothing
// (Apply). It builds on app (the residence, its safety copy, the one
// problem list and staleness rule of every plan) and nothing in app needs
// it, hence its own package. plan.go says how the steps map to its API.
package importing

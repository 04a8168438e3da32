// Package ledger is the books of one residence, kept in one SQLite file:
// owners, lots and their tantièmes per key, the chart of accounts
// (décret n° 2005-240 and arrêté du 14 mars 2005 on the accounts of
// syndicats de copropriétaires), exercises, entries and their lines, calls
// for funds, receipts, deposits, invoices, matching, reconciliation, the
// closing and its seal.
//
// It holds every rule of money and of the chart once: amounts in cents
// (Amount) and exact splits (Allocate, largest remainder); what an account
// number means (chart_roles.go); how pieces are numbered (piece.go); which
// calls a payment settles (CoverOldestFirst). It trusts no caller: every
// write is validated in Go and again by the file itself (CHECK constraints
// and triggers: balanced entries, keys on charges, locked exercises, text
// limits), and appended to a hash chain (chain.go) that a closing seals.
//
// It imports nothing of Tantième's but internal/fr. app builds the
// workflows on it; the window and the CLI never reach it directly.
package ledger

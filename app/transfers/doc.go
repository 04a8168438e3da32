// Package transfers moves money between the residence's own accounts
// (issue 18, seed 001 « Virements de fonds »): it proposes, per savings
// account, what to move so that the account holds the fund placed on it
// (the works fund must sit on a separate account, loi du 10 juillet 1965
// art. 14-2), checks the transfers, posts them in journal BQ in the same
// transaction that records their SEPA credit-transfer files (pain.001),
// then writes the files, and prints the transfer slip.
package transfers

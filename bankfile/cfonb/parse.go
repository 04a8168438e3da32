package cfonb

import "tantieme/bankfile"

// Parse reads a CFONB 120 or CFONB 240 file, told apart by the length of
// its first record. name is the file's name, for messages. Every refusal is
// a *bankfile.Error naming the line and what is wrong, in French. Parse
// does not check the balances: the caller calls Statement.CheckBalances.
func Parse(name string, data []byte) ([]bankfile.Statement, error) {
	if k, n := kind(data); k == kind240 || (k == kindNone && n == 240) {
		return parse240(name, data)
	}
	return parse120(name, data)
}

package ledger

import "strings"

// migrationSteps are the Go parts of migrations, by migration name (the file
// name without its number and .sql, see migrationStepName): what
// SQL alone cannot do (hashing). Each runs in its migration's transaction and
// returns what the user should be told, if anything.
var migrationSteps = map[string]func(tx *Tx) (string, error){}

// migrationStepName is "entry_chain" for "005_entry_chain.sql".
func migrationStepName(file string) string {
	_, name, _ := strings.Cut(strings.TrimSuffix(file, ".sql"), "_")
	return name
}

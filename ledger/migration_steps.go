package ledger

// migrationSteps are the Go parts of migrations, by migration file name: what
// SQL alone cannot do (hashing). Each runs in its migration's transaction and
// returns what the user should be told, if anything.
var migrationSteps = map[string]func(tx *Tx) (string, error){}

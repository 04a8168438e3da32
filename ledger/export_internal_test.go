package ledger

import "fmt"

// BumpVersionForTest marks a file as written by a newer schema.
func BumpVersionForTest(file string) error {
	d, err := connect(file, false)
	if err != nil {
		return err
	}
	defer d.sql.Close()
	_, err = d.sql.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	return err
}

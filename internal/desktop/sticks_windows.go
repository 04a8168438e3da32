//go:build windows

package desktop

import (
	"os"

	"golang.org/x/sys/windows"
)

func sticks() []string {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	return removableDrives(mask,
		func(root string) uint32 {
			p, err := windows.UTF16PtrFromString(root)
			if err != nil {
				return 0
			}
			return windows.GetDriveType(p)
		},
		func(root string) bool {
			// A card reader with no card is a removable drive too; Go's
			// runtime has turned off the « insert a disk » box.
			st, err := os.Stat(root)
			return err == nil && st.IsDir()
		})
}

//go:build windows

package desktop

import "golang.org/x/sys/windows"

// knownDocuments asks Windows for the Documents Known Folder: it is
// « Documents » on disk whatever the language, but may be redirected to a
// server or to OneDrive, which %USERPROFILE%\Documents would miss.
func knownDocuments() string {
	p, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return p
}

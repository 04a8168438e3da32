// Package desktop is what differs from one system to the other for a
// program on the syndic's own computer: where Tantième keeps its settings
// and logs, which folder is the user's Documents, how a PDF or a folder is
// opened with the system's viewer, which USB sticks are plugged in, and how
// a keyboard shortcut is spelled. It imports no Fyne, so that it builds with
// CGO_ENABLED=0 for Windows, macOS and Linux alike.
//
// Every rule is a pure function of the system's name (GOOS), its
// environment and its files, so the tests here cover the three systems on
// any of them; the per-system files only fetch what the system alone knows
// (Windows' Known Folders and drive types, Unix mount points).
package desktop

import (
	"bytes"
	"os"
	"path"
	"runtime"
	"strings"
)

// AppFolder is the name of Tantième's settings folder. Without the accent:
// it has been "Tantieme" since the first release, and the logs in it must
// still be found.
const AppFolder = "Tantieme"

// Places says where Tantième keeps its things on this computer.
type Places struct {
	Config       string // settings folder; "" when the system has none
	Demo         string // folder of the demo residence, out of the way of the user's files
	Fingerprints string // log of the fingerprints printed on documents
	Backups      string // log of the backups made
	Verified     string // states of the residence files that last passed their integrity check
	Documents    string // the user's Documents folder (his home when it has none)
}

// Where says where things live on this computer. Every part of the program
// asks here, so that the demo, the logs and the About box never disagree.
func Where() Places { return localSystem().where() }

// system is what the rules read of a computer; tests describe one of each
// kind with it.
type system struct {
	goos     string
	getenv   func(string) string
	home     string        // "" when unknown
	known    func() string // Windows' Documents Known Folder; "" when unknown
	readFile func(string) ([]byte, error)
	isDir    func(string) bool
}

func localSystem() system {
	home, _ := os.UserHomeDir()
	return system{
		goos:     runtime.GOOS,
		getenv:   os.Getenv,
		home:     home,
		known:    knownDocuments,
		readFile: os.ReadFile,
		isDir: func(p string) bool {
			st, err := os.Stat(p)
			return err == nil && st.IsDir()
		},
	}
}

func (s system) where() Places {
	p := Places{Documents: s.documents()}
	if base := s.configBase(); base != "" {
		p.Config = join(s.goos, base, AppFolder)
		p.Demo = join(s.goos, p.Config, "demo")
		p.Fingerprints = join(s.goos, p.Config, "empreintes.json")
		p.Backups = join(s.goos, p.Config, "sauvegardes.json")
		p.Verified = join(s.goos, p.Config, "verifications.json")
	}
	return p
}

// configBase is the system's folder of per-user settings, as
// os.UserConfigDir has it (the folders of earlier releases stay valid):
// %AppData% (roaming: the settings follow the user on a Windows domain),
// ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config.
func (s system) configBase() string {
	switch s.goos {
	case "windows":
		return s.getenv("AppData")
	case "darwin", "ios":
		if s.home == "" {
			return ""
		}
		return join(s.goos, s.home, "Library", "Application Support")
	}
	// The XDG Base Directory spec ignores a relative XDG_CONFIG_HOME.
	if x := s.getenv("XDG_CONFIG_HOME"); path.IsAbs(x) {
		return x
	}
	if s.home == "" {
		return ""
	}
	return join(s.goos, s.home, ".config")
}

// documents is the user's Documents folder, else his home, else ".".
//   - Windows: the Documents Known Folder, which follows a redirection (a
//     domain's network folder, OneDrive's « Documents ») and is « Documents »
//     whatever the language shown in the Explorer; then %USERPROFILE%\Documents.
//   - macOS: ~/Documents.
//   - Linux and the BSDs: XDG_DOCUMENTS_DIR of ~/.config/user-dirs.dirs (what
//     `xdg-user-dir DOCUMENTS` reads, translated by xdg-user-dirs-update),
//     then ~/Documents.
func (s system) documents() string {
	var candidates []string
	home := s.home
	switch s.goos {
	case "windows":
		if s.known != nil {
			candidates = append(candidates, s.known())
		}
		if p := s.getenv("USERPROFILE"); p != "" {
			home = p
		}
	case "darwin", "ios":
	default:
		if base := s.configBase(); base != "" {
			if b, err := s.readFile(join(s.goos, base, "user-dirs.dirs")); err == nil {
				candidates = append(candidates, userDir(b, "XDG_DOCUMENTS_DIR", s.home))
			}
		}
		if x := s.getenv("XDG_DOCUMENTS_DIR"); path.IsAbs(x) {
			candidates = append(candidates, x)
		}
	}
	if home != "" {
		candidates = append(candidates, join(s.goos, home, "Documents"))
	}
	for _, c := range candidates {
		// xdg-user-dirs sets a folder to the home itself to disable it.
		if c != "" && !sameDir(s.goos, c, home) && s.isDir(c) {
			return c
		}
	}
	if home != "" {
		return home
	}
	return "."
}

// userDir reads one folder of an XDG user-dirs.dirs file: lines of the form
// XDG_DOCUMENTS_DIR="$HOME/Documents" or ="/absolute/path", with shell
// backslash escapes (xdg-user-dirs' format). "" when the key is absent or
// the value is not one of those two forms.
func userDir(data []byte, key, home string) string {
	found := ""
	for _, line := range bytes.Split(data, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if strings.HasPrefix(l, "#") {
			continue
		}
		name, value, ok := strings.Cut(l, "=")
		if !ok || strings.TrimSpace(name) != key {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) < 2 || value[0] != '"' || value[len(value)-1] != '"' {
			continue
		}
		v := unescape(value[1 : len(value)-1])
		switch {
		case v == "$HOME" || strings.HasPrefix(v, "$HOME/"):
			if home == "" {
				continue
			}
			v = home + strings.TrimPrefix(v, "$HOME")
		case !strings.HasPrefix(v, "/"):
			continue
		}
		found = path.Clean(v) // the shell keeps the last assignment
	}
	return found
}

// unescape removes the shell's backslashes: \" is ", \\ is \.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// join joins path elements the way goos does, whatever system runs it.
func join(goos string, elem ...string) string {
	if goos != "windows" {
		return path.Join(elem...)
	}
	out := ""
	for _, e := range elem {
		switch {
		case e == "":
		case out == "":
			out = e
		default:
			out = strings.TrimRight(out, `\/`) + `\` + strings.TrimLeft(e, `\/`)
		}
	}
	return out
}

// sameDir says whether a and b name the same folder, as goos compares names.
func sameDir(goos, a, b string) bool {
	if goos == "windows" {
		return strings.EqualFold(strings.TrimRight(strings.ReplaceAll(a, "/", `\`), `\`), strings.TrimRight(strings.ReplaceAll(b, "/", `\`), `\`))
	}
	return path.Clean(a) == path.Clean(b)
}

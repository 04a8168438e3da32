package desktop

import (
	"errors"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// Open opens a file or a folder with the program the user chose for it:
// his PDF viewer, his spreadsheet, his file manager. The path is handed over
// as one argument, never through a shell, so spaces, accents and quotes in
// it are safe.
//
// Fyne's App.OpenURL is not used: on Windows it runs
// `rundll32 url.dll,FileProtocolHandler file://…`, whose URL Fyne spells
// file://C:/… (the drive taken for a host, fyne-io/fyne#4605) and whose
// percent-encoded accents go through an ANSI entry point; here Windows gets
// the path itself, in UTF-16, through ShellExecuteW.
func Open(target string) error {
	if strings.TrimSpace(target) == "" {
		return errors.New("nothing to open")
	}
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	return launch(target)
}

// LaunchFailed, when set, is told that the program asked to open target
// failed after Open had returned (xdg-open on Linux starts the opener and
// returns at once): the window then says the file was not opened. It is
// called from another goroutine.
var LaunchFailed func(target string, err error)

// OpenURL opens a URL: a file:// URL as its path (see Open), any other with
// the system's handler of its scheme.
func OpenURL(u *url.URL) error {
	if u == nil {
		return errors.New("nothing to open")
	}
	if u.Scheme == "file" {
		return Open(pathFromURL(runtime.GOOS, u))
	}
	return launch(u.String())
}

// FileURL is the file:// URL of a path of this system.
func FileURL(p string) *url.URL { return fileURL(runtime.GOOS, p) }

// openCommand is the program and arguments that open target on goos; nil on
// Windows, where the shell's API is called instead of a program.
func openCommand(goos, target string) []string {
	switch goos {
	case "windows":
		return nil
	case "darwin", "ios":
		return []string{"open", target}
	}
	// xdg-open hands over to the desktop's own opener (gio, kde-open…).
	return []string{"xdg-open", target}
}

// fileURL builds the URL of a path of goos, RFC 8089 style:
// file:///home/zoé/x.pdf, file:///C:/Users/x.pdf, file://serveur/partage/x.pdf.
func fileURL(goos, p string) *url.URL {
	if goos != "windows" {
		return &url.URL{Scheme: "file", Path: p}
	}
	s := strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(s, "//") { // \\serveur\partage\… (UNC)
		host, rest, _ := strings.Cut(s[2:], "/")
		return &url.URL{Scheme: "file", Host: host, Path: "/" + rest}
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return &url.URL{Scheme: "file", Path: s}
}

// pathFromURL is the path of goos a file:// URL names. On Windows it also
// reads Fyne's file://C:/… spelling, where the drive ends up as the host.
func pathFromURL(goos string, u *url.URL) string {
	if goos != "windows" {
		return u.Path
	}
	p := u.Path
	switch host := u.Host; {
	case len(host) == 2 && host[1] == ':': // file://C:/x
		p = host + p
	case host != "" && !strings.EqualFold(host, "localhost"):
		return `\\` + host + strings.ReplaceAll(p, "/", `\`)
	}
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // /C:/x
		p = p[1:]
	}
	return strings.ReplaceAll(p, "/", `\`)
}

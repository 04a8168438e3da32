// Command tantieme is the desktop program: tantieme [--demo] [FILE.copro].
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/internal/version"
	"tantieme/ui"
)

func main() {
	demo := flag.Bool("demo", false, "ouvre une copie neuve de la résidence de démonstration")
	showVersion := flag.Bool("version", false, "affiche la version de Tantième")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage : tantieme [--demo] [--version] [FICHIER.copro]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *showVersion {
		// Before any window: the installer's checks and the user's
		// terminal get the answer without a display.
		desktop.AttachConsole()
		fmt.Println(version.String())
		return
	}
	a := fyneapp.NewWithID("fr.tantieme.app")
	ui.Run(a, ui.Options{File: flag.Arg(0), Demo: *demo, WriteDemo: app.WriteDemo,
		Screen: func() (fyne.Size, bool) { return workArea(a.Settings()) }})
}

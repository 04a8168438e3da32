// Command tantieme is the desktop program: tantieme [--demo] [FILE.copro].
package main

import (
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"tantieme/app"
	"tantieme/ui"
)

func main() {
	demo := flag.Bool("demo", false, "ouvre une copie neuve de la résidence de démonstration")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage : tantieme [--demo] [FICHIER.copro]")
		flag.PrintDefaults()
	}
	flag.Parse()
	ui.Run(fyneapp.NewWithID("fr.tantieme.app"), ui.Options{File: flag.Arg(0), Demo: *demo, WriteDemo: app.WriteDemo})
}

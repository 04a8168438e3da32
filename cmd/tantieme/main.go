package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("fr.tantieme")
	w := a.NewWindow("Tantième")
	w.SetContent(widget.NewLabel("Tantième"))
	w.ShowAndRun()
}

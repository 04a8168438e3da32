package main

import (
	"log"
	"math"
	"os"
	"runtime"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the primary screen's work area (the screen less the task
// bar, the menu bar or a dock) in Fyne's units, for the window to open
// within it (issue 16: a fixed 1280×800 window overflowed 1366×768 and
// 1024×768 laptops).
//
// How: Fyne 2.7 has no API for the screen's size, but its desktop driver is
// GLFW, which it initialises on the main thread before it calls the app's
// OnStarted callback, on that thread too (internal/driver/glfw/loop.go,
// runGL). ui.Run calls workArea from that callback, so GLFW is ready and
// its rule that it is only called on the main thread is kept. GLFW gives
// the work area in screen coordinates; Fyne's units are those divided by
// the scale Fyne gives a window (internal/driver/glfw/scale.go and
// device_desktop.go): on macOS 1 (screen coordinates are points there, the
// retina factor is applied to textures), on Windows the monitor's content
// scale, elsewhere the scale of the monitor's density (120 dpi is 1, never
// under 1); all times the user's scale (FYNE_SCALE, else Fyne's setting).
// Should any of this fail, the window keeps its remembered or default size.
func workArea(settings fyne.Settings) (size fyne.Size, ok bool) {
	defer func() {
		// go-gl's GLFW panics on its own errors (not initialised, no
		// display): the size of the window is not worth a crash.
		if r := recover(); r != nil {
			log.Printf("tantieme: taille de l'écran inconnue : %v", r)
			size, ok = fyne.Size{}, false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	scale := monitorScale(m) * userScale(settings)
	scale = float32(math.Round(float64(scale)*10) / 10) // as Fyne rounds it
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
}

// monitorScale is the system's part of Fyne's scale for a window on m.
func monitorScale(m *glfw.Monitor) float32 {
	switch runtime.GOOS {
	case "darwin":
		return 1
	case "windows":
		x, _ := m.GetContentScale()
		return x
	}
	if v := os.Getenv("FYNE_DISABLE_DPI_DETECTION"); v == "1" || v == "true" || v == "t" {
		return 1
	}
	widthMm, _ := m.GetPhysicalSize()
	mode := m.GetVideoMode()
	if mode == nil || widthMm <= 0 {
		return 1
	}
	dpi := float64(mode.Width) / (float64(widthMm) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return float32(max(1, dpi/120))
}

// userScale is the scale the user asked Fyne for.
func userScale(settings fyne.Settings) float32 {
	if env := os.Getenv("FYNE_SCALE"); env != "" && env != "auto" {
		if s, err := strconv.ParseFloat(env, 32); err == nil && s > 0 {
			return float32(s)
		}
	}
	if s := settings.Scale(); s > 0 {
		return s
	}
	return 1
}

package app

// What the external tests (package app_test, which may import app's
// subpackages such as app/closing) need of app's unexported names.

// OwedWord is owedWord, for the books' tests after a closing.
var OwedWord = owedWord

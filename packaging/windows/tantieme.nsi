; Tantième's Windows installer (NSIS 3, built on Linux by scripts/dist-windows):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.14.0 -DSTAGE=DIR -DICON=FILE.ico -DOUTFILE=SETUP.exe tantieme.nsi
; STAGE holds tantieme.exe, tantieme-cli.exe, LICENSE.txt and LICENSE-DejaVu.txt.
;
; The uninstaller deletes, file by file, only what this installer wrote: never
; a folder recursively, so residence files, their « Copies de sécurité » and
; the settings (%APPDATA%\Tantieme) stay, even if someone saved a residence
; inside the program's folder.

Unicode true
; A 64-bit installer: the programs are 64-bit, it writes to the real
; Program Files and to the 64-bit registry view without redirection.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif

!define PRODUCT "Tantième"
!define PROGID "Tantieme.Residence"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Tantieme"
!define MIMETYPE "application/x-tantieme-copro"
; SHCNE_ASSOCCHANGED: tells Explorer the .copro icon and action changed.
!define SHCNE_ASSOCCHANGED 0x08000000

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Tantieme"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${PRODUCT} ${VERSION}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "Licence MIT"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Cet assistant installe ${PRODUCT} ${VERSION}, la comptabilité des copropriétés en syndic bénévole.$\r$\n$\r$\nVos résidences (fichiers .copro) et leurs sauvegardes ne sont jamais modifiées par l'installation ni par la désinstallation."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Function .onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Tantième" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\tantieme.exe"
  File "${STAGE}\tantieme-cli.exe"
  File "${STAGE}\LICENSE.txt"
  File "${STAGE}\LICENSE-DejaVu.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\tantieme.exe" "" "$INSTDIR\tantieme.exe" 0
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\Désinstaller ${PRODUCT}.lnk" "$INSTDIR\uninstall.exe" "" "$INSTDIR\uninstall.exe" 0
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\tantieme.exe" "" "$INSTDIR\tantieme.exe" 0

  ; .copro: a double-click opens that residence (the program takes the file
  ; as its first argument).
  WriteRegStr HKLM "Software\Classes\.copro" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\.copro" "Content Type" "${MIMETYPE}"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Résidence Tantième"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\tantieme.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\tantieme.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; Programs and Features (Ajout/suppression de programmes).
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "Projet Tantième"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\tantieme.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\tantieme.exe"
  Delete "$INSTDIR\tantieme-cli.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\LICENSE-DejaVu.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; Without /r: removed only when empty, so anything the user put there stays.
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk"
  Delete "$SMPROGRAMS\${PRODUCT}\Désinstaller ${PRODUCT}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  Delete "$DESKTOP\${PRODUCT}.lnk"

  ; .copro is let go only while it still points to Tantième.
  ReadRegStr $0 HKLM "Software\Classes\.copro" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKLM "Software\Classes\.copro"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd

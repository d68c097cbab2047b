; Windows installer for Synopsis (NSIS 3). Built by build-windows.ps1 on Windows after PyInstaller;
; it also compiles on Linux (Debian package nsis) against a placeholder payload, which the tests do.
;
;   makensis /V2 packaging\windows\synopsis.nsi
;   makensis -V2 -DPAYLOAD=dir -DICON=x.ico -DDEFINES=v.nsh -DOUTFILE=setup.exe synopsis.nsi
;
; Paths are relative to this folder (makensis works from the script's folder).
; Installs per machine into Program Files with a Start-menu entry, an uninstaller listed in
; "Apps & features", and "Open with > Synopsis" for article files without taking over any
; file type's default program (OpenWithProgids only).

Unicode true
ManifestDPIAware true

!ifndef DEFINES
  !define DEFINES "..\out\version.nsh"   ; written by: python packaging\appinfo.py nsis <file>
!endif
!include "${DEFINES}"                     ; VERSION, VERSION_QUAD, APP_NAME
!ifndef PAYLOAD
  !define PAYLOAD "..\out\dist\synopsis"  ; the PyInstaller one-folder app
!endif
!ifndef ICON
  !define ICON "..\out\icons\synopsis.ico"
!endif
!ifndef LICENSE_FILE
  !define LICENSE_FILE "..\..\LICENSE"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\out\synopsis-${VERSION}-setup.exe"
!endif

!define PROGID "Synopsis.Article"
!define GUI_EXE "synopsis-gui.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Synopsis"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "Software\${APP_NAME}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "LegalCopyright" "MIT licence, Synopsis contributors"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE_FILE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; "Open with" for one extension: listed, never the default.
!macro OpenWith EXT
  WriteRegStr HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\Applications\${GUI_EXE}\SupportedTypes" "${EXT}" ""
!macroend
!macro UnOpenWith EXT
  DeleteRegValue HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
!macroend

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\${APP_NAME}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Article (${APP_NAME})"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" gui "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${GUI_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKLM "Software\Classes\Applications\${GUI_EXE}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" gui "%1"'
  !insertmacro OpenWith ".txt"
  !insertmacro OpenWith ".md"
  !insertmacro OpenWith ".html"
  !insertmacro OpenWith ".htm"
  !insertmacro OpenWith ".docx"
  !insertmacro OpenWith ".odt"
  !insertmacro OpenWith ".pdf"
  !insertmacro OpenWith ".rtf"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Synopsis contributors"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; file associations changed
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; Only what the installer put there: never RMDir /r a folder the user may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\synopsis.exe"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  !insertmacro UnOpenWith ".txt"
  !insertmacro UnOpenWith ".md"
  !insertmacro UnOpenWith ".html"
  !insertmacro UnOpenWith ".htm"
  !insertmacro UnOpenWith ".docx"
  !insertmacro UnOpenWith ".odt"
  !insertmacro UnOpenWith ".pdf"
  !insertmacro UnOpenWith ".rtf"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\${GUI_EXE}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_NAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Inno Setup 6 script for Quietroom (packaging/windows/build.ps1 runs it with
; /DAppVersion=VERSION). NOT BUILT HERE: see README.md in this folder.
#ifndef AppVersion
  #error Run with /DAppVersion=VERSION
#endif

[Setup]
AppId=org.quietroom.Quietroom
AppName=Quietroom
AppVersion={#AppVersion}
AppPublisher=The Quietroom project
DefaultDirName={autopf}\Quietroom
DefaultGroupName=Quietroom
DisableProgramGroupPage=yes
; IT installs for every account; a user without rights may install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.19041
OutputDir=..\..\dist
OutputBaseFilename=quietroom-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\org.quietroom.Quietroom.ico
UninstallDisplayIcon={app}\quietroom.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Welsh among its official languages; its unofficial Welsh.isl,
; reviewed with the app's Welsh (docs/translation.md), goes beside this file, then:
; Name: "welsh"; MessagesFile: "Welsh.isl"

[Files]
Source: "..\..\build\package\dist\quietroom\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Quietroom"; Filename: "{app}\quietroom.exe"; AppUserModelID: "org.quietroom.Quietroom"

; No [UninstallDelete]: uninstalling removes the program only. The vault
; (%LOCALAPPDATA%\quietroom\vault), the preferences and the device secret in the
; Credential Locker stay, so a reinstall opens the same vault.

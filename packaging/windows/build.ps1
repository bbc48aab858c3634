# Builds Quietroom for Windows: the PyInstaller folder, signed, and an Inno Setup
# installer, signed. NOT RUN HERE: the project's build machines are Linux; see README.md.
#
#   $env:QUIETROOM_SIGN_CERT_SHA1 = "<thumbprint of the code-signing certificate>"
#   $env:QUIETROOM_TIMESTAMP_URL  = "<the certificate authority's RFC 3161 time-stamp URL>"
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not $env:QUIETROOM_SIGN_CERT_SHA1) { throw "QUIETROOM_SIGN_CERT_SHA1 is not set" }
if (-not $env:QUIETROOM_TIMESTAMP_URL) { throw "QUIETROOM_TIMESTAMP_URL is not set" }
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
$env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct)
$env:PYTHONHASHSEED = "0"

# python.org's Python 3.11 (64-bit), a venv from the Windows pins
py -3.11 -m venv build\package-venv
build\package-venv\Scripts\python -m pip install --no-deps --require-hashes -r packaging\requirements-build-windows.txt
Get-ChildItem app\resources\i18n\*.ts | ForEach-Object {
    build\package-venv\Scripts\pyside6-lrelease -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}

build\package-venv\Scripts\pyinstaller --noconfirm --clean `
    --distpath build\package\dist --workpath build\package\work packaging\pyinstaller\quietroom.spec

$sign = @("sign", "/sha1", $env:QUIETROOM_SIGN_CERT_SHA1, "/fd", "SHA256",
          "/tr", $env:QUIETROOM_TIMESTAMP_URL, "/td", "SHA256")
& signtool @sign build\package\dist\quietroom\quietroom.exe build\package\dist\quietroom\quietroom-cli.exe
if ($LASTEXITCODE -ne 0) { throw "signtool failed" }

& iscc "/DAppVersion=$version" packaging\windows\quietroom.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$setup = "dist\quietroom-$version-windows-x64-setup.exe"
& signtool @sign $setup
if ($LASTEXITCODE -ne 0) { throw "signtool failed on the installer" }
& signtool verify /pa /v $setup
(Get-FileHash -Algorithm SHA256 $setup).Hash.ToLower() + "  " + (Split-Path $setup -Leaf) |
    Set-Content "$setup.sha256"
Get-Content "$setup.sha256"

@echo off
rem Runs every test of the project on Windows, as ./run-tests does elsewhere, and ends with
rem "N passed, N failed, N skipped". The browser test needs Chrome and a chromedriver of the same version on
rem the PATH (or CHROME and CHROMEDRIVER set to them); a message says so when they are missing.
setlocal
cd /d "%~dp0"
set "MICROGRAD_JAVA=java"
if defined JAVA_HOME set "MICROGRAD_JAVA=%JAVA_HOME%\bin\java.exe"
"%MICROGRAD_JAVA%" launcher\src\main\java\dev\micrograd\launcher\Ci.java browser
call mvnw.cmd -B -ntp verify %*
set "MICROGRAD_STATUS=%ERRORLEVEL%"
"%MICROGRAD_JAVA%" launcher\src\main\java\dev\micrograd\launcher\Ci.java summary
endlocal & exit /b %MICROGRAD_STATUS%

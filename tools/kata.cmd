@echo off
rem Watch mode on Windows without a Unix shell:   tools\kata.cmd watch Softmax
rem Runs SoftmaxTest on every save under src\main\java (keys: h hint, r run again, q quit).
rem Also without a Unix shell:   tools\kata.cmd hint Softmax, tools\kata.cmd answers Softmax, tools\kata.cmd board
rem The other commands of tools/kata need a POSIX shell (Git Bash); git alone does the same (see README).
setlocal
if /i "%~1"=="hint" goto practice
if /i "%~1"=="answers" goto practice
if /i "%~1"=="board" goto practice
if /i not "%~1"=="watch" goto usage
if "%~2"=="" goto usage
cd /d "%~dp0.."
call mvnw.cmd -q test-compile dependency:copy-dependencies -DincludeScope=test -DoutputDirectory=target/watch-lib -Dmdep.useBaseVersion=true
if errorlevel 1 (
  echo tools\kata.cmd watch: the build failed ^(see above^)
  exit /b 1
)
:again
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "target\test-classes;target\watch-lib\*" mlkatas.support.watch.Watch %2 %RESTARTED%
rem Exit status 3: the learner's code was left looping, so start a fresh JVM that waits for the next save.
if errorlevel 3 if not errorlevel 4 (
  set RESTARTED=--restarted
  goto again
)
exit /b %errorlevel%
:practice
rem As tools/kata: compile the practice tools straight from the sources (the kata's own code may not compile).
cd /d "%~dp0.."
if not exist target\practice-classes mkdir target\practice-classes
javac -nowarn -encoding UTF-8 -d target\practice-classes -sourcepath src\test\java src\test\java\mlkatas\support\practice\Practice.java
if errorlevel 1 exit /b 1
java -cp target\practice-classes mlkatas.support.practice.Practice %1 %2
exit /b %errorlevel%
:usage
echo usage: tools\kata.cmd watch ^<Kata^>   (a class name from katas.md, e.g. Softmax)
exit /b 2

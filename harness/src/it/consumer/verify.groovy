// The consumer's build passed; make sure it really ran its scenario and wrote a report.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/ : 'the consumer project ran no scenario'
assert new File(basedir, 'target/cucumber/report.html').isFile() : 'no Cucumber report was written'

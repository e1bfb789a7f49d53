using System.Text;

namespace CogLsp.Syntax.Tests.Requirements;

/// <summary>Deterministic random requirements-file lines, valid and invalid, from fragments of every construct pip reads.</summary>
internal static class RequirementsLineGenerator
{
    private static readonly string[] Names = ["numpy", "Django", "zope.interface", "foo_bar", "foo-bar", "a", "A1", "x.y-z_w", "-bad", "bad-", "_bad", "b@d", "1abc", "é", "foo bar", "torch", "foo_", "foo.", "a.b", "a..b", "ñ", "A", "9", "a_-b"
    ];
    private static readonly string[] Extras = ["", "", "", "[security]", "[a,b]", "[ a , b ]", "[]", "[a b]", "[a,]", "[", "[a", "[a-b.c]", " [x]"];
    private static readonly string[] Specs =
    [
        "", "", "==1.0", "== 1.0", ">=1.2,<2", ">=1.2, <2", "~=1.4.5", "~=1", "==1.*", "==1.0.*", ">=1.0.*", "!=1.0.*", "==2.0rc1", "==1.0.post1", "==1!2.0",
        "==1.0+cu113", ">=1.0+local", "==custom", "<>1", "===foo", "=1.0", "==", ">=", "==1.0.", "(>=1.0)", " (>=1.0,<2)", "(>=1.0", ">1 <2", "==1.0abc",
        "==v1.0", "==1.0-1", "==1.0.dev", "~=1.4.5a1", "<=2.0.post1.dev3", "==1.11.0+cu113", ">=1.0a", "!=1.5", "==1.0 ,<2", " >= 1.0", "==1.0.*+x", "==1.0+",
        ">=1.0,,<2", "(==1.0))", "==1.0 extra", "<2.0", ">0.2", "==2.0.0-beta.1", "~=2.0.0.post1", "==\t1.0", ">= 1.0 ,< 2", "== 1.0.*", "==1.0.*.*", "==1!*", "===1.0 extra", "=== ", "()", " ()", "(,)", ",==1", "==1,,", "!=1.0+local", "<=1.0+local", "~=1.0.*", "~=1.0+x", ">=1.0.post", "==1.0-", "==1_0", "==1.0_", "==V1.0", "==1.0RC1", "==1.0Rc", "==1.0.dev1.*", "==01.00", ">=1.0 , <2.0 ,!=1.5",
        "===1.0,=1.0", "===2.0.1,=v1.0", "===1.0,==2.0", "===1,0", "===foo,bar", "===1.0,>=2", "===1.0, >=2", "===x,,>=2", "===x,===y", "===x,==1.*",
        "===,>=1", ">=1,===x,=2", "===x,>=1.0abc", "===x,<>1", "===x,==", "===x,~=1.0"
    ];

    private static readonly string[] Markers =
    [
        "", "", "", "; python_version < \"3.8\"", ";python_version<'3.8'", "; python_version < '3.8' and sys_platform == 'linux'",
        "; (os_name == 'nt' or os_name == 'posix') and extra == 'x'", "; platform_machine in 'x86_64 aarch64'", "; 'linux' not in sys_platform",
        "; python_verison < '3.8'", "; python_version <> '3'", "; python_version = '3'", "; python_version < 3.8", "; python_version < '3.8' and",
        "; (python_version < '3.8'", "; os.name == 'nt'", "; platform.machine == 'x'", "; implementation_name === 'cpython'", "; python_version ~= '3.8'",
        "; notin 'x'", "; 'a' not  in 'b'", ";", "; ", "; python_version<'3'or os_name=='nt'", "; python_version<\"3\"and os_name==\"nt\"",
        "; python_version < '3.8' or", "; ((extra == 'a'))", "; python_version", "; 'x' 'y'", "; python_version < '3' and (os_name == 'nt')", "; python_version < '3.8';", "; extra == 'x' extra", "; ()", "; (python_version < '3')", "; python_version<'3'and(os_name=='nt')", "; 'x'=='y'", "; python_version in \"3.8 3.9\"", "; python_version in", "; python_version not in '3'", "; python_version !~ '3'", "; python_version === '3'", "; implementation_version >= '3'", "; platform_release", "; os_name == \"nt\" AND os_name == 'x'", "; python_version > \"3\"\t", "; python_version > 'a\"b'", "; python_full_version>='3.8.1'", "; platform_system=='Linux' and platform_machine!='aarch64'", "; python_version > '3' or(os_name == 'nt')"
    ];

    private static readonly string[] Urls =
    [
        "https://example.com/foo-1.0.tar.gz", "git+https://github.com/x/y.git@v1#egg=y", "git+https://github.com/x/y.git",
        "https://example.com/pkg/foo-1.0-py3-none-any.whl", "https://example.com/bad.whl", "file:///tmp/foo-1.0.tar.gz", "http://x/y#egg=foo[bar]",
        "https://x/y#egg=", "ftp://host/file.zip", "https://x/y#egg=foo-bar", "https://x/foo-custom-py3-none-any.whl", "https://x/y.whl#egg=foo", "https://x/a%20b-1.0-py3-none-any.whl", "git+ssh://git@github.com/x/y.git#egg=y&subdirectory=z", "HTTPS://X/Y", "hg+https://x#egg=y", "svn+svn://x", "ftp://x/y.tar.gz", "https://x/y.zip?x=1#egg=z", "file:x", "file:/x.zip", "https://x/foo-1.0-1-py3-none-any.whl", "https://x/foo_bar-1.0-py3-none-any.WHL", "https://x/#egg=foo==1.0"
    ];

    private static readonly string[] AtUrls =
    [
        "foo @ https://x/y.tar.gz", "foo@https://x/y.tar.gz", "foo @ ./local.whl", "foo @ file:///tmp/x.whl", "foo @ git+https://github.com/x/y",
        "foo @ https:/x", "foo @ ", "foo @ https://x/y extra", "foo[bar] @ https://x/y.zip", "foo @ file:/tmp/x", "foo @https://x/y", "foo @ https://x/y ; python_version > '3'", "foo@ https://x", "foo @https://x;python_version>'3'", "foo [bar] @ https://x", "foo @ git+https://x@v1", "foo @ ftp://x/y", "foo @ svn+svn://x", "foo @ 'https://x'", "foo@@https://x", "foo @ file://host/x", "foo @ file:///x y", "foo @ https://x/y.whl", "./foo @ https://x/y.whl", "foo @ FILE:///x"
    ];

    private static readonly string[] Paths =
    [
        "./dist/foo-1.0-py3-none-any.whl", "./dist/foo-1.0.tar.gz", "dist/foo.zip", "../x/foo-1.0.tgz", "./bad.whl",
        "/abs/foo-2.0-cp311-cp311-linux_x86_64.whl", "./foo.tar.gz[extra]", "./x/foo-1.0-py3-none-any.whl ; python_version>'3'", "foo.whl", "foo.tar.gz",
    ];

    private static readonly string[] OptionLines =
    [
        "-i https://x/simple", "--index-url=https://x/simple", "--index-url https://x/simple", "--extra-index-url https://x", "--no-index", "--no-index=1",
        "-f ./wheels", "--find-links=https://x/links", "--pre", "--prefer-binary", "--require-hashes", "--only-binary :all:", "--no-binary=:none:",
        "--no-binary -x", "--trusted-host host", "--use-feature=fast-deps", "--use-feature=bogus", "--index", "--ind=https://x", "--no", "--pr", "--extra",
        "--bogus", "-x", "-ifoo", "-i", "--hash=sha256:abc", "--hash=md5:abc", "--hash=abc", "--hash", "-C key=val", "--config-settings=novalue",
        "--global-option=--x", "-r other.txt", "--requirement=other.txt", "-c c.txt", "--constraint c.txt", "-e git+https://github.com/x/y#egg=y",
        "-e git+https://github.com/x/y", "-e foo==1", "-e https://x/y", "--editable=git+https://g/x#egg=x", "'--pre'", "--pre \"unclosed", "--pre 'ok'",
        "--pre trailing\\", "-- --pre", "--pre extra_positional", "--find-links \"a b\"", "-rfile.txt", "-e", "--pypi-url x", "--pre --pre", "-",
        "--pre=", "--index-url=", "-e git:https://g/x#egg=x", "-e hg+https://h/x#egg=x", "--hash=sha256:", "--hash=sha256", "--hash==x", "-Ckey=val", "-C=a=b", "--config-settings a", "-f", "--find-links=", "-i=x", "--use-feature fast-deps", "--use-feature truststore", "--use-feature=no-binary-enable-wheel-cache", "--only-binary=:all:,foo", "--only-binary", "--no-binary=-x", "--trusted-host=", "--pre x y", "-e file:///x", "-e git+https://x#egg=a[b]", "-e svn+http://x#egg=a", "-e git://x/y#egg=a", "--editable git+ssh://x#egg=a==1", "---pre", "--", "-ee", "-rr", "-r -e", "-e -r", "--PRE", "-I x", "-E x", "--find-links 'a\"b'", "--find-links \"a\\\"b\"", "--find-links a\\ b", "--find-links \"\"", "--find-links ''", "--pre #\"", "--pre \\#", "-e git+https://x#egg=", "-e git+https://x#egg=a;python_version<'3'"
    ];

    private static readonly string[] PerRequirement =
    [
        "", "", "", "", " --hash=sha256:abc", " --hash sha256:abc --hash=sha512:def", " --hash=md5:x", " -C a=b", " --global-option=x", " --bogus",
        " --index-url=x", "\t--hash=sha256:abc", "  --hash=sha256:abc", " -e x", " --hash", " \"--pre\"", " -", " --",
    ];

    private static readonly string[] Comments = ["", "", "", " # comment", "  #c", "#nospace", " #", "\t# tab", " # with \\"];

    private const string Alphabet = "ab1.-_=<>!~;[]()@#'\" \t\\$,{}:/*+e";

    public static List<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(One(random));
        }

        return lines;
    }

    private static string One(Random r)
    {
        string Pick(string[] options) => options[r.Next(options.Length)];
        var roll = r.Next(100);
        string line;
        if (roll < 40)
        {
            line = Pick(Names) + Pick(Extras) + Pick(Specs) + Pick(Markers) + Pick(PerRequirement) + Pick(Comments);
        }
        else if (roll < 48)
        {
            line = Pick(AtUrls) + (r.Next(3) == 0 ? " " + Pick(Markers) : string.Empty) + Pick(PerRequirement) + Pick(Comments);
        }
        else if (roll < 58)
        {
            line = Pick(Urls) + (r.Next(3) == 0 ? " " + Pick(Markers) : string.Empty) + Pick(PerRequirement) + Pick(Comments);
        }
        else if (roll < 64)
        {
            line = Pick(Paths) + Pick(PerRequirement) + Pick(Comments);
        }
        else if (roll < 86)
        {
            line = Pick(OptionLines) + (r.Next(4) == 0 ? " " + Pick(OptionLines) : string.Empty) + Pick(Comments);
        }
        else
        {
            var b = new StringBuilder();
            var n = r.Next(1, 14);
            for (var k = 0; k < n; k++)
            {
                b.Append(Alphabet[r.Next(Alphabet.Length)]);
            }

            line = b.ToString();
        }

        if (r.Next(8) == 0 && line.Length > 1)
        {
            // A backslash continuation somewhere inside the line.
            var at = r.Next(1, line.Length);
            line = line[..at] + (r.Next(2) == 0 ? "\\\n" : " \\\r\n") + line[at..];
        }

        if (r.Next(12) == 0)
        {
            line = (r.Next(2) == 0 ? "  " : "\t") + line;
        }

        return line;
    }
}

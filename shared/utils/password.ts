/** Password strength (issue 4): long enough, mixed, and not the account itself. Returns the problems, in Chinese. */
export function passwordProblems(password: string, account = ''): string[] {
  const problems: string[] = []
  if (password.length < 8) problems.push('密码至少8位')
  if (password.length > 64) problems.push('密码最多64位')
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter(re => re.test(password)).length
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类')
  const login = account.trim().toLowerCase().split('@')[0] ?? ''
  if (login.length >= 4 && password.toLowerCase().includes(login)) problems.push('密码不能包含账号')
  if (/(.)\1{3,}/.test(password)) problems.push('密码不能有4个以上连续相同的字符')
  return problems
}

# Opens N uploads that stall after their first bytes, then times a ledger request: python3 stall.py PORT N
import base64, socket, subprocess, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
auth = base64.b64encode(b'office:rectify-demo').decode()
socks = []
for i in range(n):
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall((f'POST /api/progress/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {auth}\r\n'
               'Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n'
               '--b\r\nContent-Disposition: form-data; name="files"; filename="site.jpg"\r\nContent-Type: image/jpeg\r\n\r\n').encode() + b'\xff\xd8\xff')
    socks.append(s)
time.sleep(3)
t = time.time()
r = subprocess.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-m', '15', '-u', 'office:rectify-demo',
                    f'http://127.0.0.1:{port}/api/tasks?size=5'], capture_output=True, text=True)
print(f'{n} stalled uploads: ledger answered {r.stdout or "nothing"} after {time.time() - t:.2f} s (curl rc {r.returncode})')
